package org.backrelief.tracking.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

/** One record of the activity topic, as the pipeline needs it: where it came from and its raw value. */
public record IncomingActivity(String topic, int partition, long offset, String key, String value, Headers headers) {

    public static IncomingActivity of(ConsumerRecord<String, String> record) {
        return new IncomingActivity(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                record.headers());
    }
}
