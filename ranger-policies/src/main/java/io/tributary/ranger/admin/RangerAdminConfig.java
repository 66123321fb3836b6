package io.tributary.ranger.admin;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Ranger Admin's REST API.
 *
 * @param url base URL, for example {@code http://ranger:6080}
 * @param user a Ranger user allowed to manage the service's policies and roles
 * @param password that user's password; never printed
 * @param serviceName the {@code tributary} service in Ranger Admin
 */
public record RangerAdminConfig(
    URI url, String user, String password, String serviceName, Duration timeout) {
  public RangerAdminConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(serviceName, "serviceName");
    timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
  }

  @Override
  public String toString() {
    return "RangerAdminConfig[url="
        + url
        + ", user="
        + user
        + ", password=(redacted), serviceName="
        + serviceName
        + ", timeout="
        + timeout
        + "]";
  }
}
