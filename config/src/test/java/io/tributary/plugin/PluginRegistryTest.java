package io.tributary.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {
  /** A plug-in interface of this test; its implementations are listed in test resources. */
  public interface Greeter {
    String name();
  }

  public static final class Hello implements Greeter {
    @Override
    public String name() {
      return "hello";
    }
  }

  public static final class Bonjour implements Greeter {
    @Override
    public String name() {
      return "Bonjour";
    }
  }

  @Test
  void shouldFindTheImplementationsListedInMetaInfServices() {
    PluginRegistry<Greeter> greeters = PluginRegistry.load(Greeter.class, Greeter::name, "Greeter");

    assertThat(greeters.names()).containsExactly("hello", "Bonjour");
    assertThat(greeters.get("bonjour")).isInstanceOf(Bonjour.class);
    assertThat(greeters.get(" HELLO ")).isInstanceOf(Hello.class);
  }

  @Test
  void shouldNameTheKnownOnesForAnUnknownName() {
    PluginRegistry<Greeter> greeters =
        PluginRegistry.of("Greeter", Greeter::name, List.of(new Hello(), new Bonjour()));

    assertThatThrownBy(() -> greeters.get("hola"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Greeter 'hola' is unknown: use one of hello, Bonjour");
    assertThat(greeters.find("hola")).isEmpty();
  }

  @Test
  void shouldRefuseTwoPluginsOfOneName() {
    Greeter impostor = () -> "HELLO";

    assertThatThrownBy(
            () -> PluginRegistry.of("Greeter", Greeter::name, List.of(new Hello(), impostor)))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining("Greeter 'HELLO' is provided twice, by " + Hello.class.getName());
  }
}
