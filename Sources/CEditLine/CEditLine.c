#include "CEditLine.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <unistd.h>
#include <editline/readline.h>

static char **completion_words = NULL;
static int completion_count = 0;
static volatile sig_atomic_t interrupt_count = 0;
static volatile sig_atomic_t termination_signal = 0;

static char *complete_word(const char *text, int state) {
  static int index;
  static size_t length;
  if (state == 0) {
    index = 0;
    length = strlen(text);
  }
  while (index < completion_count) {
    const char *word = completion_words[index++];
    if (strncmp(word, text, length) == 0) return strdup(word);  // freed by libedit
  }
  return NULL;
}

static char **complete(const char *text, int start, int end) {
  (void)start;
  (void)end;
  rl_attempted_completion_over = 1;  // never fall back to file names
  return rl_completion_matches(text, complete_word);
}

void cel_initialize(const char *program_name) {
  setlocale(LC_CTYPE, "");
  rl_readline_name = program_name;
  rl_attempted_completion_function = complete;
  rl_catch_signals = 0;  // our handlers only: libedit would re-raise SIGTERM to the whole process group
  rl_initialize();
  using_history();
}

char *cel_readline(const char *prompt, int *error_number) {
  errno = 0;
  char *line = readline(prompt);  // malloc'd by libedit; the caller frees it with cel_free
  *error_number = line == NULL ? errno : 0;
  return line;
}

void cel_add_history(const char *line) { add_history(line); }

void cel_set_completions(const char *const *words, int count) {
  for (int i = 0; i < completion_count; i++) free(completion_words[i]);
  free(completion_words);
  completion_words = count > 0 ? calloc((size_t)count, sizeof(char *)) : NULL;
  completion_count = 0;
  if (completion_words == NULL) return;
  for (int i = 0; i < count; i++) {
    char *copy = strdup(words[i]);
    if (copy != NULL) completion_words[completion_count++] = copy;
  }
}

void cel_free(void *pointer) { free(pointer); }

static void count_interrupt(int signal_number) {
  (void)signal_number;
  interrupt_count++;
}

static void note_termination(int signal_number) { termination_signal = signal_number; }

void cel_install_signal_handlers(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a blocked read must return EINTR
  action.sa_handler = count_interrupt;
  sigaction(SIGINT, &action, NULL);
  action.sa_handler = note_termination;
  sigaction(SIGTERM, &action, NULL);
  sigaction(SIGHUP, &action, NULL);
  action.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &action, NULL);
}

int cel_interrupt_count(void) { return interrupt_count; }

int cel_termination_signal(void) { return termination_signal; }

int cel_is_terminal(int fd) { return isatty(fd); }

void cel_flush_stdout(void) { fflush(stdout); }

unsigned int cel_set_umask(unsigned int mask) { return (unsigned int)umask((mode_t)mask); }

static char *timed_line = NULL;
static int timed_ready = 0;

static void timed_handler(char *line) {
  timed_line = line;  // malloc'd by libedit, or NULL at end of input
  timed_ready = 1;
  rl_callback_handler_remove();
}

void cel_timed_begin(const char *prompt) {
  timed_line = NULL;
  timed_ready = 0;
  rl_callback_handler_install(prompt, timed_handler);
}

int cel_timed_wait(int timeout_ms) {
  if (timed_ready) return 1;
  fd_set set;
  FD_ZERO(&set);
  FD_SET(STDIN_FILENO, &set);
  struct timeval timeout = {timeout_ms / 1000, (timeout_ms % 1000) * 1000};
  int ready = select(STDIN_FILENO + 1, &set, NULL, NULL, &timeout);
  if (ready < 0) return errno == EINTR ? -1 : -2;
  if (ready == 0) return 0;
  rl_callback_read_char();
  return timed_ready ? 1 : 0;
}

char *cel_timed_take(void) {
  char *line = timed_line;
  timed_line = NULL;
  timed_ready = 0;
  return line;
}

void cel_timed_set_prompt(const char *prompt) {
  rl_set_prompt(prompt);
  fputs("\r\033[K", stdout);  // libedit redraws from the line's start
  fflush(stdout);
  rl_forced_update_display();
}

void cel_timed_print_above(const char *text) {
  fputs("\r\033[K", stdout);
  fputs(text, stdout);
  fputs("\n", stdout);
  fflush(stdout);
  rl_forced_update_display();
}

void cel_timed_end(void) {
  if (!timed_ready) rl_callback_handler_remove();
  timed_ready = 0;
  free(timed_line);
  timed_line = NULL;
}
