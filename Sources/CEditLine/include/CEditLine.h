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
