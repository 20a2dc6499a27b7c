#ifndef CEDITLINE_H
#define CEDITLINE_H

// Non-variadic wrappers around libedit's readline layer, plus the process's signal and terminal
// plumbing that Swift 6 cannot reach safely (C globals such as stdin, stdout and rl_*).

/// Sets the locale from the environment (so libedit accepts non-ASCII keys) and names the program
/// for ~/.editrc. Call once, before the first cel_readline.
void cel_initialize(const char *program_name);

/// What waiting for a key gave.
typedef enum {
  CEL_KEY_READ,        ///< a key was read (not yet given to libedit)
  CEL_KEY_TIMEOUT,     ///< no key within the time-out
  CEL_KEY_SIGNAL,      ///< a signal interrupted the wait (errno EINTR)
  CEL_KEY_CLOSED,      ///< standard input failed (EIO, closed)
  CEL_KEY_LINE_READY,  ///< the line is already complete: take it with cel_line_take
  CEL_KEY_PASTED,      ///< a bracketed paste was put into the line as one answer (not entered)
} cel_key_wait;

/// How many lines the last bracketed paste held (its line breaks became spaces).
int cel_last_paste_lines(void);

/// What giving a key to libedit did.
typedef enum {
  CEL_FEED_PENDING,      ///< the line goes on
  CEL_FEED_LINE_READY,   ///< the line is complete: take it with cel_line_take
  CEL_FEED_INTERRUPTED,  ///< Ctrl-C arrived while libedit waited inside a key sequence
} cel_feed;

/// Starts reading a line with libedit's callback interface (rl_callback_handler_install), so the
/// prompt can change while the person types (a countdown).
void cel_line_begin(const char *prompt);

/// Waits up to `timeout_ms` for a key and reads it (a UTF-8 sequence decoded to its code point)
/// into `*key`, without giving it to libedit; `*alone` tells whether no other byte was waiting.
cel_key_wait cel_line_read_key(int timeout_ms, int *key, int *alone);

/// Gives a key read by cel_line_read_key to libedit (rl_callback_read_char).
cel_feed cel_line_feed(int key);

/// Keeps a key read by cel_line_read_key for the next line: the next cel_line_read_key returns it
/// first.
void cel_line_keep_key(int key);

/// Whether the line holds exactly the one key given to it so far, with the cursor after it.
int cel_line_holds_one_key(void);

/// Types `text` into the line at the cursor (rl_insert_text) and redraws it: the rest of a one-key
/// answer, shown after its key.
void cel_line_insert(const char *text);

/// Ends the line as Enter would.
void cel_line_enter(void);

/// Tells libedit the terminal's size changed (rl_resize_terminal); redraw with cel_line_set_prompt.
void cel_line_resize(void);

/// How long libedit waits after a bare Esc for the rest of a key sequence (default 300 ms).
void cel_set_escape_timeout(int milliseconds);

/// The completed line (malloc'd; free with cel_free), or NULL at end of input (Ctrl-D).
char *cel_line_take(void);

/// Replaces the prompt and redraws the line being typed in place (rl_set_prompt,
/// rl_forced_update_display), keeping the text and the cursor.
void cel_line_set_prompt(const char *prompt);

/// Prints `text` on its own line above the line being typed, then redraws it.
void cel_line_print_above(const char *text);

/// Stops reading (rl_callback_handler_remove) and moves to a new line; a half-typed line is dropped.
void cel_line_end(void);

/// Wraps add_history(3): makes `line` reachable with Up.
void cel_add_history(const char *line);

/// Replaces the words Tab completes; the strings are copied.
void cel_set_completions(const char *const *words, int count);

/// Frees a string returned by this module.
void cel_free(void *pointer);

/// Installs handlers for SIGINT, SIGTERM and SIGHUP that only count the signal, without
/// SA_RESTART, so a blocked read returns EINTR; SIGPIPE is ignored; SIGWINCH is counted (with
/// SA_RESTART).
void cel_install_signal_handlers(void);

/// Gives SIGINT, SIGTERM and SIGHUP back their default action (the process ends at once), for
/// commands that only read and print: they have no prompt to interrupt and nothing to save.
void cel_restore_termination_signals(void);

/// The number of SIGWINCHs (terminal resizes) received so far.
int cel_resize_count(void);

/// The columns of the terminal on file descriptor `fd` (ioctl TIOCGWINSZ), or -1 when it is not a
/// terminal; 0 when the terminal does not say.
int cel_terminal_columns(int fd);

/// The rows of the terminal on file descriptor `fd`, or -1 when it is not a terminal; 0 when the
/// terminal does not say.
int cel_terminal_rows(int fd);

/// The number of SIGINTs received so far.
int cel_interrupt_count(void);

/// The last SIGTERM or SIGHUP received, or 0.
int cel_termination_signal(void);

/// Whether file descriptor `fd` is a terminal.
int cel_is_terminal(int fd);

/// Flushes C's stdout, so text printed from Swift appears before a prompt.
void cel_flush_stdout(void);

/// Sets the process's file-creation mask and returns the previous one.
unsigned int cel_set_umask(unsigned int mask);

#endif
