#include "CEditLine.h"

#include <ctype.h>
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/ioctl.h>
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

static int libedit_getc(FILE *stream);

void cel_initialize(const char *program_name) {
  setlocale(LC_CTYPE, "");
  rl_readline_name = program_name;
  rl_attempted_completion_function = complete;
  rl_catch_signals = 0;  // our handlers only: libedit would re-raise SIGTERM to the whole process group
  rl_getc_function = libedit_getc;  // keys come from cel_line_wait
  rl_initialize();
  using_history();
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

// Reading a line: libedit's callback interface, fed one key at a time by cel_line_wait, which reads
// each key itself (read_key) and hands it over through next_key. Knowing the key lets a choice be
// answered with one keystroke, and lets the rest of a word typed after it be absorbed.

static char *line_text = NULL;
static int line_ready = 0;
static int keys_fed = 0;          // keys given to libedit since the line began
static int next_key = -1;         // the key libedit's next read returns, or -1 to read the terminal
static char single_keys[64];      // ASCII keys that answer at once
static char *single_echoes[64];   // what each shows after itself
static int single_key_used = 0;   // the key that completed the line, or 0
static char absorb_rest[256];     // the rest of the word after a one-key answer, still to absorb
static size_t absorb_position = 0;
static int swallow_enter = 0;     // an Enter right after a one-key answer is dropped
static struct timespec absorb_until, swallow_enter_until;
static struct timespec single_keys_from;  // a one-key answer right after another one needs Enter

static void line_handler(char *line) {
  line_text = line;  // malloc'd by libedit, or NULL at end of input
  line_ready = 1;
  rl_callback_handler_remove();
}

static int pushed_byte = -1;  // a byte read ahead and given back

// Reads one byte from the terminal; -1 at end of input or on an error, -2 when a signal asked the
// process to stop.
static int read_byte(void) {
  if (pushed_byte >= 0) {
    int byte = pushed_byte;
    pushed_byte = -1;
    return byte;
  }
  unsigned char byte;
  for (;;) {
    ssize_t count = read(STDIN_FILENO, &byte, 1);
    if (count == 1) return byte;
    if (count < 0 && errno == EINTR) {
      if (termination_signal != 0) return -2;
      continue;
    }
    return -1;
  }
}

static int pending_bytes(void) {
  if (pushed_byte >= 0) return 1;
  int count = 0;
  if (ioctl(STDIN_FILENO, FIONREAD, &count) != 0) return 0;
  return count;
}

// Reads one key: a UTF-8 sequence decoded to its code point (libedit takes wide characters). A
// byte that does not begin a well-formed sequence whose bytes have all arrived (a terminal in
// another encoding) reads as U+FFFD, without waiting; a byte that cannot continue it is kept for
// the next key.
static int read_key(void) {
  int first = read_byte();
  if (first < 0x80) return first;
  int length = first >= 0xF8 ? 0 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC2 ? 2 : 0;
  if (length == 0) return 0xFFFD;
  int code = first & (0x7F >> length);
  for (int i = 1; i < length; i++) {
    if (pending_bytes() == 0) return 0xFFFD;
    int next = read_byte();
    if (next < 0) return next;
    if ((next & 0xC0) != 0x80) {
      pushed_byte = next;
      return 0xFFFD;
    }
    code = (code << 6) | (next & 0x3F);
  }
  int shortest = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
  if (code < shortest || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0xFFFD;
  return code;
}

static int libedit_getc(FILE *stream) {
  (void)stream;
  if (next_key >= 0) {
    int key = next_key;
    next_key = -1;
    return key;
  }
  // libedit asks for more keys only to finish a sequence begun with Esc. Escape sequences arrive
  // whole; after a bare Esc, wait a moment for the next key, then give up (-1 ends the sequence
  // and the line goes on), so that the countdown and Ctrl-C are never held up.
  if (pushed_byte < 0) {
    fd_set set;
    FD_ZERO(&set);
    FD_SET(STDIN_FILENO, &set);
    struct timeval timeout = {0, 300000};
    if (select(STDIN_FILENO + 1, &set, NULL, NULL, &timeout) <= 0) return -1;
  }
  int key = read_key();
  return key < 0 ? -1 : key;
}

static void feed(int key) {
  next_key = key;
  rl_callback_read_char();
  next_key = -1;
  keys_fed++;
}

static struct timespec after(int milliseconds) {
  struct timespec time;
  clock_gettime(CLOCK_MONOTONIC, &time);
  time.tv_nsec += (long)milliseconds * 1000000L;
  time.tv_sec += time.tv_nsec / 1000000000L;
  time.tv_nsec %= 1000000000L;
  return time;
}

static int has_passed(const struct timespec *moment) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return now.tv_sec > moment->tv_sec || (now.tv_sec == moment->tv_sec && now.tv_nsec >= moment->tv_nsec);
}

// Whether `key`, typed before anything else at a line, is the rest of the previous one-key answer
// typed out by habit (within a second of the key before it) or the Enter after it (within two
// seconds of the answer), to be dropped.
static int absorbs(int key) {
  if (key == '\r' || key == '\n') {
    int dropped = swallow_enter && !has_passed(&swallow_enter_until);
    swallow_enter = 0;
    absorb_rest[0] = '\0';
    return dropped;
  }
  unsigned char expected = (unsigned char)absorb_rest[absorb_position];
  if (expected != '\0' && !has_passed(&absorb_until) && key < 0x80 && tolower(key) == tolower(expected)) {
    absorb_position++;
    absorb_until = after(1000);
    return 1;
  }
  absorb_rest[0] = '\0';
  swallow_enter = 0;
  return 0;
}

void cel_line_begin(const char *prompt, const char *keys, const char *const *echoes) {
  line_text = NULL;
  line_ready = 0;
  keys_fed = 0;
  single_key_used = 0;
  for (int i = 0; single_echoes[i] != NULL; i++) {
    free(single_echoes[i]);
    single_echoes[i] = NULL;
  }
  size_t count = 0;
  for (; keys != NULL && keys[count] != '\0' && count + 1 < sizeof single_keys; count++) {
    single_keys[count] = keys[count];
    single_echoes[count] = strdup(echoes[count] != NULL ? echoes[count] : "");
  }
  single_keys[count] = '\0';
  rl_callback_handler_install(prompt, line_handler);
}

int cel_line_wait(int timeout_ms) {
  if (line_ready) return 1;
  fd_set set;
  FD_ZERO(&set);
  FD_SET(STDIN_FILENO, &set);
  struct timeval timeout = {timeout_ms / 1000, (timeout_ms % 1000) * 1000};
  if (pushed_byte < 0) {
    int ready = select(STDIN_FILENO + 1, &set, NULL, NULL, &timeout);
    if (ready < 0) return errno == EINTR ? -1 : -2;
    if (ready == 0) return 0;
  }
  int key = read_key();
  if (key == -2) return -1;
  if (key < 0) return -2;  // the terminal went away
  if (keys_fed == 0 && (swallow_enter || absorb_rest[0] != '\0') && absorbs(key)) return 0;
  int alone = pending_bytes() == 0;
  int interrupts = interrupt_count;
  feed(key);
  if (line_ready) return 1;
  if (interrupt_count != interrupts) return -1;  // Ctrl-C while libedit waited inside a sequence
  char *slot = key > 0 && key < 0x80 ? strchr(single_keys, key) : NULL;
  if (keys_fed == 1 && alone && slot != NULL && rl_end == 1 && rl_point == 1 && has_passed(&single_keys_from)) {
    // One keystroke names a choice: show the rest of it, and end the line as Enter would.
    const char *echo = single_echoes[slot - single_keys];
    if (echo[0] != '\0') {
      rl_insert_text(echo);
      fputs("\r\033[K", stdout);  // libedit redraws from the line's start
      fflush(stdout);
      rl_forced_update_display();
    }
    single_key_used = key;
    int is_letter = isalpha(key);
    snprintf(absorb_rest, sizeof absorb_rest, "%s", is_letter ? echo : "");
    absorb_position = 0;
    swallow_enter = 1;
    absorb_until = after(1000);
    swallow_enter_until = after(2000);
    single_keys_from = after(800);
    feed('\r');
  }
  return line_ready ? 1 : 0;
}

int cel_line_single_key(void) { return single_key_used; }

char *cel_line_take(void) {
  char *line = line_text;
  line_text = NULL;
  line_ready = 0;
  return line;
}

void cel_line_set_prompt(const char *prompt) {
  rl_set_prompt(prompt);
  fputs("\r\033[K", stdout);  // libedit redraws from the line's start
  fflush(stdout);
  rl_forced_update_display();
}

void cel_line_print_above(const char *text) {
  fputs("\r\033[K", stdout);
  fputs(text, stdout);
  fputs("\n", stdout);
  fflush(stdout);
  rl_forced_update_display();
}

void cel_line_end(void) {
  if (!line_ready) {
    rl_callback_handler_remove();
    fputs("\n", stdout);
    fflush(stdout);
  }
  line_ready = 0;
  free(line_text);
  line_text = NULL;
}
