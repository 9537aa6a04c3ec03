package org.backrelief.tracking.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/** One record of the activity topic, as the pipeline needs it: where it came from and its raw value. */
public record IncomingActivity(String topic, int partition, long offset, String key, String value, Headers headers) {

    @SuppressWarnings("unchecked")
    public static IncomingActivity of(KafkaRecord<String, String> record) {
        IncomingKafkaRecordMetadata<String, String> origin = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalArgumentException("not an incoming Kafka record"));
        return new IncomingActivity(origin.getTopic(), origin.getPartition(), origin.getOffset(), origin.getKey(),
                record.getPayload(), origin.getHeaders() == null ? new RecordHeaders() : origin.getHeaders());
    }

    public static IncomingActivity of(ConsumerRecord<String, String> record) {
        return new IncomingActivity(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                record.headers());
    }
}
