package org.backrelief.tracking.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * One record of the activity topic, as the pipeline needs it: where it came from and its raw key and value, as the
 * broker sent them (the value is parsed from its UTF-8 bytes, and a dead letter carries exactly these bytes).
 */
public record IncomingActivity(String topic, int partition, long offset, byte[] key, byte[] value, Headers headers) {

    public static IncomingActivity of(ConsumerRecord<byte[], byte[]> record) {
        return new IncomingActivity(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                record.headers());
    }
}
