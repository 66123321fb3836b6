package io.tributary.cli.users;

import io.tributary.cli.CliException;
import io.tributary.cli.Tributary;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tributary users add|passwd|remove|list|keys}: users and API keys of the embedded
 * authentication, in a users file ({@code --users-file}) or through a server's admin API ({@code
 * --url}). Exit codes as the other commands: 1 refused, 2 bad usage, 3 unreachable.
 */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = {
      "Adds and removes users, sets passwords, issues and revokes API keys.",
      "With --users-file PATH the file is changed directly (to set up a server before it starts;"
          + " a running server reads it again within auth.users-poll-interval). Otherwise the"
          + " admin API of the server at --url is called with a platform administrator's API"
          + " key, and the change applies to its next request."
    },
    subcommands = {
      UsersCommand.Add.class,
      UsersCommand.Passwd.class,
      UsersCommand.Remove.class,
      UsersCommand.ListUsers.class,
      UsersCommand.Keys.class
    })
public final class UsersCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing subcommand: add, passwd, remove, list or keys");
  }

  /** Where the change goes: a users file, or a server. */
  static final class Target {
    @Option(
        names = "--users-file",
        paramLabel = "PATH",
        description =
            "Change this users file directly; it is created when missing, and written"
                + " atomically, readable by its owner only")
    Path usersFile;

    @Option(
        names = {"--url", "--server"},
        paramLabel = "URL",
        description = "Catalog server whose admin API to call (default: http://localhost:8080)")
    String url;

    @Option(
        names = "--api-key",
        defaultValue = "${env:TRIBUTARY_API_KEY}",
        description =
            "With --url: API key (trb_...) of a platform administrator; default:"
                + " $TRIBUTARY_API_KEY. Not needed while the server runs without authentication.")
    String apiKey;

    UsersBackend backend(CommandSpec spec) {
      if (usersFile != null && url != null) {
        throw new ParameterException(spec.commandLine(), "Give --users-file or --url, not both");
      }
      if (usersFile != null) {
        return new FileUsers(usersFile);
      }
      return new ServerUsers(url == null ? "http://localhost:8080" : url, apiKey);
    }
  }

  /** Runs a change, printing a failure instead of a stack trace. */
  abstract static class Subcommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Target target;

    @Override
    public final Integer call() {
      return CliException.run(spec, out -> run(target.backend(spec), out));
    }

    abstract void run(UsersBackend users, PrintWriter out);

    /**
     * Hands {@code change} the new password of {@code user}, from standard input or asked for on
     * the terminal, and wipes it afterwards.
     */
    void withNewPassword(NewPassword source, String user, Consumer<char[]> change) {
      char[] password =
          source.fromStdin
              ? Passwords.fromStdin(stdin())
              : Passwords.fromConsole(System.console(), user);
      try {
        change.accept(password);
      } finally {
        Passwords.wipe(password);
      }
    }

    private InputStream stdin() {
      return spec.root().userObject() instanceof Tributary tributary
          ? tributary.stdin()
          : System.in;
    }
  }

  /** Where a new password comes from. */
  static final class NewPassword {
    @Option(
        names = "--password-stdin",
        description = "Read the password from standard input (else it is asked for)")
    boolean fromStdin;
  }

  /** What a user or key is given: groups, roles, home tenant. */
  static final class Labels {
    @Option(
        names = "--tenant",
        paramLabel = "TENANT",
        description = "Home tenant (default: default)")
    String tenant;

    @Option(
        names = "--role",
        paramLabel = "ROLE",
        description = "A Ranger role, e.g. acme.writer or platform-admin; repeatable")
    List<String> roles;

    @Option(names = "--group", paramLabel = "GROUP", description = "A group; repeatable")
    List<String> groups;

    static Set<String> set(List<String> values) {
      return values == null ? null : new LinkedHashSet<>(values);
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds a user.")
  static final class Add extends Subcommand {
    @Parameters(paramLabel = "NAME", description = "User name: [A-Za-z0-9][A-Za-z0-9._@-]{0,127}")
    String name;

    @Mixin Labels labels;
    @Mixin NewPassword newPassword;

    @Override
    void run(UsersBackend users, PrintWriter out) {
      withNewPassword(
          newPassword,
          name,
          password ->
              users.add(
                  name,
                  password,
                  Labels.set(labels.groups),
                  Labels.set(labels.roles),
                  labels.tenant));
      out.println("User '" + name + "' added.");
    }
  }

  @Command(
      name = "passwd",
      mixinStandardHelpOptions = true,
      description = "Sets a user's password; the old one stops working at once.")
  static final class Passwd extends Subcommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Mixin NewPassword newPassword;

    @Override
    void run(UsersBackend users, PrintWriter out) {
      withNewPassword(newPassword, name, password -> users.changePassword(name, password));
      out.println("Password of '" + name + "' changed.");
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Removes a user and revokes the API keys that act as it.")
  static final class Remove extends Subcommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    void run(UsersBackend users, PrintWriter out) {
      List<String> revoked = users.remove(name);
      out.println(
          "User '"
              + name
              + "' removed"
              + (revoked.isEmpty()
                  ? "."
                  : "; API keys revoked with it: " + String.join(", ", revoked)));
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the users.")
  static final class ListUsers extends Subcommand {
    @Override
    void run(UsersBackend users, PrintWriter out) {
      out.printf("%-24s %-16s %-32s %s%n", "USER", "TENANT", "ROLES", "GROUPS");
      for (UsersBackend.User user : users.users()) {
        out.printf(
            "%-24s %-16s %-32s %s%n",
            user.name(),
            user.tenant(),
            String.join(",", user.roles()),
            String.join(",", user.groups()));
      }
    }
  }

  @Command(
      name = "keys",
      mixinStandardHelpOptions = true,
      description = "Creates, lists and revokes API keys.",
      subcommands = {Keys.Create.class, Keys.Revoke.class, Keys.ListKeys.class})
  static final class Keys implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
      throw new ParameterException(
          spec.commandLine(), "Missing subcommand: create, revoke or list");
    }

    @Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = {
          "Issues an API key and prints it once: it cannot be shown again.",
          "Without --role, --group or --tenant, the key takes those of the user of that name."
        })
    static final class Create extends Subcommand {
      @Option(
          names = "--user",
          required = true,
          paramLabel = "NAME",
          description = "The user the key acts as: a user of the file, or a service's name")
      String user;

      @Mixin Labels labels;

      @Override
      void run(UsersBackend users, PrintWriter out) {
        UsersBackend.NewKey created =
            users.createKey(
                user, Labels.set(labels.groups), Labels.set(labels.roles), labels.tenant);
        out.println("id:  " + created.entry().id());
        out.println("key: " + created.key());
        spec.commandLine()
            .getErr()
            .println(
                "API key "
                    + created.entry().id()
                    + " created for '"
                    + user
                    + "' (roles: "
                    + String.join(",", created.entry().roles())
                    + "; tenant: "
                    + created.entry().tenant()
                    + "). Store the key now: it is not shown again.");
        spec.commandLine().getErr().flush();
      }
    }

    @Command(
        name = "revoke",
        mixinStandardHelpOptions = true,
        description = "Revokes an API key; it stops working at once.")
    static final class Revoke extends Subcommand {
      @Parameters(paramLabel = "ID", description = "The key's id (users keys list)")
      String id;

      @Override
      void run(UsersBackend users, PrintWriter out) {
        users.revokeKey(id);
        out.println("API key " + id + " revoked.");
      }
    }

    @Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "Lists the API keys (ids, never secrets).")
    static final class ListKeys extends Subcommand {
      @Option(names = "--user", paramLabel = "NAME", description = "Only the keys acting as NAME")
      String user;

      @Override
      void run(UsersBackend users, PrintWriter out) {
        out.printf("%-14s %-24s %-16s %-32s %s%n", "ID", "USER", "TENANT", "ROLES", "GROUPS");
        for (UsersBackend.Key key : users.keys(user)) {
          out.printf(
              "%-14s %-24s %-16s %-32s %s%n",
              key.id(),
              key.user(),
              key.tenant(),
              String.join(",", key.roles()),
              String.join(",", key.groups()));
        }
      }
    }
  }
}
