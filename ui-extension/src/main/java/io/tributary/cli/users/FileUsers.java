package io.tributary.cli.users;

import io.tributary.contract.TenantId;
import io.tributary.ranger.auth.ApiKeyEntry;
import io.tributary.ranger.auth.ApiKeyNotFoundException;
import io.tributary.ranger.auth.ApiKeys;
import io.tributary.ranger.auth.AuthNames;
import io.tributary.ranger.auth.UserAdmin;
import io.tributary.ranger.auth.UserEntry;
import io.tributary.ranger.auth.UserExistsException;
import io.tributary.ranger.auth.UserNotFoundException;
import io.tributary.ranger.auth.UsersFileException;
import io.tributary.ranger.auth.UsersStore;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Changes a users file directly, as the server would: written atomically with owner-only
 * permissions, created when missing. A running server picks a change up at its next poll.
 */
final class FileUsers implements UsersBackend {
  private final UserAdmin admin;

  FileUsers(Path file) {
    this.admin = UserAdmin.of(refusing(() -> UsersStore.open(file)));
  }

  @Override
  public User add(
      String name, char[] password, Set<String> groups, Set<String> roles, String tenant) {
    return user(refusing(() -> admin.addUser(name, password, groups, roles, tenant(tenant))));
  }

  @Override
  public void changePassword(String name, char[] password) {
    refusing(
        () -> {
          admin.changePassword(name, password);
          return null;
        });
  }

  @Override
  public List<String> remove(String name) {
    return refusing(() -> admin.removeUser(name)).stream().map(ApiKeyEntry::id).toList();
  }

  @Override
  public List<User> users() {
    return admin.users().stream().map(FileUsers::user).toList();
  }

  @Override
  public NewKey createKey(String user, Set<String> groups, Set<String> roles, String tenant) {
    ApiKeys.Issued issued = refusing(() -> admin.createApiKey(user, groups, roles, tenant(tenant)));
    return new NewKey(key(issued.entry()), issued.key());
  }

  @Override
  public void revokeKey(String id) {
    refusing(() -> admin.revokeApiKey(id));
  }

  @Override
  public List<Key> keys(String user) {
    if (user != null) {
      refusing(() -> AuthNames.user(user));
    }
    return admin.apiKeys().stream()
        .filter(k -> user == null || k.user().equals(user))
        .map(FileUsers::key)
        .toList();
  }

  private static User user(UserEntry user) {
    return new User(user.name(), user.groups(), user.roles(), tenantName(user.tenant()));
  }

  private static Key key(ApiKeyEntry key) {
    return new Key(key.id(), key.user(), key.groups(), key.roles(), tenantName(key.tenant()));
  }

  private static String tenantName(TenantId tenant) {
    return (tenant == null ? TenantId.DEFAULT : tenant).value();
  }

  private static TenantId tenant(String tenant) {
    return tenant == null ? null : new TenantId(tenant);
  }

  /** Turns the file's refusals into failures with the command line's exit codes. */
  private static <T> T refusing(Supplier<T> change) {
    try {
      return change.get();
    } catch (UserNotFoundException
        | ApiKeyNotFoundException
        | UserExistsException
        | UncheckedIOException e) {
      throw new Failure(e.getMessage(), FAILED);
    } catch (UsersFileException | IllegalArgumentException e) {
      throw new Failure(e.getMessage(), USAGE);
    }
  }
}
