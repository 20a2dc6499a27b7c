#ifndef CEDITLINE_H
#define CEDITLINE_H

// Non-variadic wrappers around libedit's readline layer, plus the process's signal and terminal
// plumbing that Swift 6 cannot reach safely (C globals such as stdin, stdout and rl_*).

/// Sets the locale from the environment (so libedit accepts non-ASCII keys) and names the program
/// for ~/.editrc. Call once, before the first cel_readline.
void cel_initialize(const char *program_name);

/// Wraps readline(3): shows `prompt` and reads one edited line. Returns a malloc'd line without
/// its newline, to be freed with cel_free, or NULL at end of input or on a signal; then
/// *error_number holds errno (EINTR for a signal, 0 or ENOTTY for end of input, EIO when the
/// terminal went away).
char *cel_readline(const char *prompt, int *error_number);

/// Starts reading a line with libedit's callback interface (rl_callback_handler_install), so the
/// prompt can change while the person types (a countdown).
void cel_timed_begin(const char *prompt);

/// Waits up to `timeout_ms` for a key and feeds it to libedit (rl_callback_read_char). Returns 1
/// when a line is complete (take it with cel_timed_take), 0 on time-out or a partial line, -1 when
/// a signal interrupted the wait (errno EINTR), -2 when standard input failed (EIO, closed).
int cel_timed_wait(int timeout_ms);

/// The completed line (malloc'd; free with cel_free), or NULL at end of input (Ctrl-D).
char *cel_timed_take(void);

/// Replaces the prompt and redraws the line being typed in place (rl_set_prompt,
/// rl_forced_update_display), keeping the text and the cursor.
void cel_timed_set_prompt(const char *prompt);

/// Prints `text` on its own line above the line being typed, then redraws it.
void cel_timed_print_above(const char *text);

/// Stops reading (rl_callback_handler_remove); a half-typed line is dropped.
void cel_timed_end(void);

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
