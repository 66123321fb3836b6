package io.tributary.edge.journal;

/** The journal's database failed; the message names the journal file. */
public final class JournalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JournalException(String message, Throwable cause) {
    super(message, cause);
  }
}
