package io.tributary.emitters.pulsar;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.emitters.testing.PulsarServer;
import org.apache.pulsar.client.api.*;
import org.junit.jupiter.api.Test;

class SpikeIT {
  @Test
  void spike() throws Exception {
    long t0 = System.currentTimeMillis();
    try (PulsarServer server = PulsarServer.start()) {
      System.out.println("STARTED in " + (System.currentTimeMillis() - t0));
      try (PulsarClient client = PulsarClient.builder().serviceUrl(server.serviceUrl()).build();
          Consumer<String> c = client.newConsumer(Schema.STRING).topic("t1").subscriptionName("s").subscribe();
          Producer<String> p = client.newProducer(Schema.STRING).topic("t1").create()) {
        p.send("hello");
        Message<String> m = c.receive();
        System.out.println("GOT " + m.getValue() + " " + m.getTopicName() + " " + p.getTopic());
        assertThat(m.getValue()).isEqualTo("hello");
      }
    }
    System.out.println("DONE in " + (System.currentTimeMillis() - t0));
  }
}
