#ifndef CEDITLINE_H
#define CEDITLINE_H

// Non-variadic wrappers around libedit's readline layer, plus the process's signal and terminal
// plumbing that Swift 6 cannot reach safely (C globals such as stdin, stdout and rl_*).

/// Sets the locale from the environment (so libedit accepts non-ASCII keys) and names the program
/// for ~/.editrc. Call once, before the first cel_readline.
void cel_initialize(const char *program_name);

/// Starts reading a line with libedit's callback interface (rl_callback_handler_install), so the
/// prompt can change while the person types (a countdown). `keys` (ASCII, may be empty) answer at
/// once when pressed alone as the first key; each shows `echoes[i]` after itself, and a word's rest
/// typed quickly after it (or the Enter after it) is absorbed at the next line.
void cel_line_begin(const char *prompt, const char *keys, const char *const *echoes);

/// Waits up to `timeout_ms` for a key and feeds it to libedit. Returns 1 when a line is complete
/// (take it with cel_line_take), 0 on time-out or a partial line, -1 when a signal interrupted the
/// wait (errno EINTR), -2 when standard input failed (EIO, closed).
int cel_line_wait(int timeout_ms);

/// The key that completed the last line on its own, or 0 when it was ended with Enter.
int cel_line_single_key(void);

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
/// SA_RESTART, so a blocked read returns EINTR; SIGPIPE is ignored.
void cel_install_signal_handlers(void);

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
