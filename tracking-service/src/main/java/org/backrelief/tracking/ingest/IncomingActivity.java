package org.backrelief.tracking.ingest;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Headers;

/**
 * One record of the activity topic, as the pipeline needs it: where it came from and its raw key and value, as the
 * broker sent them (the value is parsed from its UTF-8 bytes, and a dead letter carries exactly these bytes).
 */
public record IncomingActivity(String topic, int partition, long offset, byte[] key, byte[] value, Headers headers) {

    /** Every record of one poll, in the broker's order (the live consumer's batch and the rebuild's replay). */
    public static List<IncomingActivity> allOf(ConsumerRecords<byte[], byte[]> polled) {
        List<IncomingActivity> records = new ArrayList<>(polled.count());
        for (ConsumerRecord<byte[], byte[]> record : polled) {
            records.add(of(record));
        }
        return records;
    }

    public static IncomingActivity of(ConsumerRecord<byte[], byte[]> record) {
        return new IncomingActivity(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                record.headers());
    }
}
