package io.tributary.cli.users;

import io.tributary.cli.CliException;
import java.util.List;
import java.util.Set;

/** Where {@code tributary users} makes its changes: a users file, or a server's admin API. */
interface UsersBackend {
  int FAILED = 1;
  int USAGE = 2;
  int UNAVAILABLE = 3;

  /** A user as listed: never its password hash. */
  record User(String name, Set<String> groups, Set<String> roles, String tenant) {}

  /** An API key as listed: never its secret or hash. */
  record Key(String id, String user, Set<String> groups, Set<String> roles, String tenant) {}

  /** A key just issued, with its clear key shown once. */
  record NewKey(Key entry, String key) {
    @Override
    public String toString() {
      return "NewKey[entry=" + entry + ", key=(redacted)]";
    }
  }

  /**
   * A refused or failed change, with the message to print and the exit code; a server's refusal
   * comes as the server client's failure.
   */
  final class Failure extends CliException {
    Failure(String message, int exitCode) {
      super(message, exitCode);
    }
  }

  /** Adds a user; {@code tenant} null for {@code default}. */
  User add(String name, char[] password, Set<String> groups, Set<String> roles, String tenant);

  void changePassword(String name, char[] password);

  /** Removes a user; returns the ids of the API keys revoked with it. */
  List<String> remove(String name);

  List<User> users();

  /** Issues a key; what is null is taken from the user of that name, if there is one. */
  NewKey createKey(String user, Set<String> groups, Set<String> roles, String tenant);

  void revokeKey(String id);

  /** The keys, or those acting as {@code user} when it is not null. */
  List<Key> keys(String user);
}
