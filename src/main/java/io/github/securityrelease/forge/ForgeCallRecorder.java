package io.github.securityrelease.forge;

/** Where the forge's clients put each call they make: {@link ForgeCalls}, the case's record. */
@FunctionalInterface
public interface ForgeCallRecorder {

  /** Records {@code call}; it stays on record even when the caller's transaction rolls back. */
  void record(ForgeCall call);
}
