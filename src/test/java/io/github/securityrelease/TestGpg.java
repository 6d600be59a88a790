package io.github.securityrelease;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * GnuPG, Debian's {@code gnupg}, as a distributor (or the security team) runs it: one keyring in a
 * temporary {@code GNUPGHOME} each, its agent stopped and its directory deleted by {@link #close()}.
 * Where gpg is missing the tests that need it are skipped, but not where {@code GPG_REQUIRED} is
 * set (.ci/run): there they fail.
 */
public final class TestGpg implements AutoCloseable {

  /** A gpg run: its exit code, its output and its status lines ({@code --status-fd}) with its messages. */
  public record Run(int exit, String output, String status) {}

  private final Path home;

  private TestGpg(Path home) {
    this.home = home;
  }

  /** True where gpg runs, and where it must (then a missing gpg fails the test that needs it). */
  public static boolean available() {
    if (System.getenv("GPG_REQUIRED") != null) {
      return true;
    }
    try {
      return new ProcessBuilder("gpg", "--version").redirectErrorStream(true).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** An empty keyring of its own. */
  public static TestGpg keyring() {
    try {
      // short: the agent's socket path must fit in 108 bytes
      Path home = Files.createTempDirectory(Path.of("/tmp"), "gpg");
      Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
      return new TestGpg(home);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A new key for {@code userId}: an Ed25519 primary key that certifies and signs, a Curve25519
   * subkey that encrypts, no expiry, protected by {@code passphrase} (empty: none). Its fingerprint.
   */
  public String generate(String userId, String passphrase) {
    gpg(passphrase, "--quick-generate-key", userId, "ed25519", "cert,sign", "never");
    String fingerprint = fingerprint(userId);
    gpg(passphrase, "--quick-add-key", fingerprint, "cv25519", "encr", "never");
    return fingerprint;
  }

  /** The public key, ASCII-armoured. */
  public String exportPublic(String fingerprint) {
    return gpg("", "--armor", "--export", fingerprint).output();
  }

  /** The secret key, ASCII-armoured, still protected by its passphrase. */
  public String exportSecret(String fingerprint, String passphrase) {
    return gpg(passphrase, "--armor", "--export-secret-keys", fingerprint).output();
  }

  public void importKey(String armoured) {
    Path file = write("import.asc", armoured);
    gpg("", "--import", file.toString());
  }

  /** {@code gpg --decrypt} of {@code armoured}: the plain text, and the status lines that say who signed it. */
  public Run decrypt(String armoured) {
    Path file = write("message.asc", armoured);
    return run("", "--status-fd", "2", "--decrypt", file.toString());
  }

  private String fingerprint(String userId) {
    return gpg("", "--with-colons", "--list-keys", userId).output().lines()
        .filter(line -> line.startsWith("fpr:")).findFirst().map(line -> line.split(":")[9]).orElseThrow();
  }

  private Run gpg(String passphrase, String... arguments) {
    Run run = run(passphrase, arguments);
    if (run.exit() != 0) {
      throw new IllegalStateException("gpg " + String.join(" ", arguments) + " failed: " + run.status());
    }
    return run;
  }

  private Run run(String passphrase, String... arguments) {
    List<String> command = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch", "--no-tty",
        "--pinentry-mode", "loopback", "--passphrase", passphrase));
    command.addAll(List.of(arguments));
    try {
      Path out = Files.createTempFile(home, "out", ".txt");
      Path err = Files.createTempFile(home, "err", ".txt");
      Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("gpg took over a minute: " + arguments[0]);
      }
      return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Path write(String name, String text) {
    try {
      return Files.writeString(home.resolve(name), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops this keyring's agent and deletes it. */
  @Override
  public void close() {
    try {
      new ProcessBuilder("gpgconf", "--homedir", home.toString(), "--kill", "all").start().waitFor(30, TimeUnit.SECONDS);
      try (Stream<Path> files = Files.walk(home)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
