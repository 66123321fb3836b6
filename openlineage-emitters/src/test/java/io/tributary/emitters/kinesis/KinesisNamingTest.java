package io.tributary.emitters.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.emitters.EmitterException;
import org.junit.jupiter.api.Test;

class KinesisNamingTest {
  @Test
  void shouldNameStreamsAsOpenLineageDoes() {
    assertThat(KinesisNaming.namespace("eu-west-1", "123456789012"))
        .isEqualTo("arn:aws:kinesis:eu-west-1:123456789012");
    assertThat(KinesisNaming.name("orders")).isEqualTo("stream/orders");
  }

  @Test
  void shouldFallBackToTheKinesisSchemeWithoutAnAccount() {
    assertThat(KinesisNaming.namespace("eu-west-1", null)).isEqualTo("kinesis://eu-west-1");
  }

  @Test
  void shouldReadStreamAndConsumerArns() {
    assertThat(KinesisNaming.fromArn("arn:aws:kinesis:us-east-1:123456789012:stream/orders"))
        .isEqualTo(
            new KinesisNaming.StreamName(
                "arn:aws:kinesis:us-east-1:123456789012", "stream/orders"));
    assertThat(
            KinesisNaming.fromArn(
                "arn:aws:kinesis:us-east-1:123456789012:stream/orders/consumer/audit:1700000000"))
        .isEqualTo(
            new KinesisNaming.StreamName(
                "arn:aws:kinesis:us-east-1:123456789012", "stream/orders"));
  }

  @Test
  void shouldRejectAnArnOfAnotherService() {
    assertThatThrownBy(() -> KinesisNaming.fromArn("arn:aws:sqs:us-east-1:123456789012:queue"))
        .isInstanceOf(EmitterException.class);
  }
}
