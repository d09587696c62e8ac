package io.hirepipe.testkit.app;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** Collects what arrives on {@value #TOPIC} through a real listener container. */
public class GreetingListener {

    public static final String TOPIC = "testkit-greetings";

    private final BlockingQueue<ConsumerRecord<String, String>> received = new LinkedBlockingQueue<>();

    @KafkaListener(topics = TOPIC, groupId = "testkit-greeting-listener")
    void onGreeting(ConsumerRecord<String, String> greeting) {
        received.add(greeting);
    }

    /** The next record with {@code key}, skipping others (several contexts may share the topic), or null. */
    public ConsumerRecord<String, String> awaitKey(String key, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            ConsumerRecord<String, String> next = received.poll(100, TimeUnit.MILLISECONDS);
            if (next != null && key.equals(next.key())) {
                return next;
            }
        }
        return null;
    }
}
