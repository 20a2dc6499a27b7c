#define _GNU_SOURCE  // wcswidth, strndup
#include "CEditLine.h"

#include <errno.h>
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>
#include <editline/readline.h>

static char **completion_words = NULL;
static int completion_count = 0;
static volatile sig_atomic_t interrupt_count = 0;
static volatile sig_atomic_t termination_signal = 0;
static volatile sig_atomic_t resize_count = 0;

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
  rl_catch_sigwinch = 0;  // a resize is counted by our handler; cel_line_resize tells libedit
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

static void count_resize(int signal_number) {
  (void)signal_number;
  resize_count++;
}

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
  // SA_RESTART: a resize must not fail a write or a wait; select still returns EINTR (it is never
  // restarted), so a prompt being read wakes up and redraws.
  action.sa_flags = SA_RESTART;
  action.sa_handler = count_resize;
  sigaction(SIGWINCH, &action, NULL);
}

void cel_restore_termination_signals(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  sigemptyset(&action.sa_mask);
  action.sa_handler = SIG_DFL;
  sigaction(SIGINT, &action, NULL);
  sigaction(SIGTERM, &action, NULL);
  sigaction(SIGHUP, &action, NULL);
  // A parent may start us with these blocked (the mask is inherited across exec): unblock them,
  // or they would wait, pending, until the command ends.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGHUP);
  pthread_sigmask(SIG_UNBLOCK, &signals, NULL);
}

int cel_resize_count(void) { return resize_count; }

int cel_terminal_columns(int fd) {
  struct winsize size;
  if (!isatty(fd) || ioctl(fd, TIOCGWINSZ, &size) != 0) return -1;
  return size.ws_col;
}

int cel_terminal_rows(int fd) {
  struct winsize size;
  if (!isatty(fd) || ioctl(fd, TIOCGWINSZ, &size) != 0) return -1;
  return size.ws_row;
}

int cel_interrupt_count(void) { return interrupt_count; }

int cel_termination_signal(void) { return termination_signal; }

int cel_is_terminal(int fd) { return isatty(fd); }

void cel_flush_stdout(void) { fflush(stdout); }

unsigned int cel_set_umask(unsigned int mask) { return (unsigned int)umask((mode_t)mask); }

// Reading a line: libedit's callback interface, fed one key at a time. cel_line_read_key reads each
// key itself (read_key) and cel_line_feed hands it over through next_key, so the caller sees every
// key first: a choice can be answered with one keystroke, and the rest of a word typed after it
// absorbed. When to do either is the caller's rule (Swift's OneKeyTiming); C keeps no clock.

static char *line_text = NULL;
static int line_ready = 0;
static int keys_fed = 0;          // keys given to libedit since the line began
static int unsynced_width = 0;    // columns inserted since libedit last updated rl_line_buffer
static int next_key = -1;         // the key libedit's next read returns, or -1 to read the terminal
static int kept_key = -1;         // a key read but kept for the next line, or -1
static int escape_timeout_ms = 300;

static void line_handler(char *line) {
  line_text = line;  // malloc'd by libedit, or NULL at end of input
  line_ready = 1;
  rl_callback_handler_remove();
  fputs("\033[?2004l", stdout);
}

// Bytes read ahead and given back, the last given back read first: one that could not continue a
// UTF-8 sequence, or the start of an escape sequence that turned out not to be a paste.
static unsigned char pushed_bytes[16];
static int pushed_count = 0;

static void push_back(int byte) {
  if (pushed_count < (int)sizeof pushed_bytes) pushed_bytes[pushed_count++] = (unsigned char)byte;
}

// Reads one byte from the terminal; -1 at end of input or on an error, -2 when a signal asked the
// process to stop.
static int read_byte(void) {
  if (pushed_count > 0) return pushed_bytes[--pushed_count];
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
  if (pushed_count > 0) return pushed_count;
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
      push_back(next);
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
  if (pushed_count == 0) {
    fd_set set;
    FD_ZERO(&set);
    FD_SET(STDIN_FILENO, &set);
    struct timeval timeout = {escape_timeout_ms / 1000, (escape_timeout_ms % 1000) * 1000};
    if (select(STDIN_FILENO + 1, &set, NULL, NULL, &timeout) <= 0) return -1;
  }
  int key = read_key();
  return key < 0 ? -1 : key;
}

void cel_set_escape_timeout(int milliseconds) { escape_timeout_ms = milliseconds; }

static char *shown_prompt = NULL;  // the prompt on screen, to know how many rows the line takes

static void remember_prompt(const char *prompt) {
  free(shown_prompt);
  shown_prompt = strdup(prompt);
}

void cel_line_begin(const char *prompt) {
  line_text = NULL;
  line_ready = 0;
  keys_fed = 0;
  unsynced_width = 0;
  remember_prompt(prompt);
  fputs("\033[?2004h", stdout);  // bracketed paste: a pasted text arrives marked as one
  rl_callback_handler_install(prompt, line_handler);
}

// The columns `text` takes on screen, its first `bytes` bytes only when `bytes` >= 0.
static int display_width(const char *text, int bytes) {
  if (text == NULL) return 0;
  size_t length = bytes >= 0 ? (size_t)bytes : strlen(text);
  char *copy = strndup(text, length);
  if (copy == NULL) return (int)length;
  size_t count = mbstowcs(NULL, copy, 0);
  int width = (int)length;
  if (count != (size_t)-1) {
    wchar_t *wide = calloc(count + 1, sizeof(wchar_t));
    if (wide != NULL) {
      mbstowcs(wide, copy, count + 1);
      int measured = wcswidth(wide, count);
      if (measured >= 0) width = measured;
      free(wide);
    }
  }
  free(copy);
  return width;
}

// The columns a prompt takes on screen: what stands between \001 and \002 (escape sequences
// such as the OSC 133 marks, which libedit prints without counting) takes none.
static int prompt_width(const char *prompt) {
  if (prompt == NULL) return 0;
  size_t length = strlen(prompt);
  char *visible = malloc(length + 1);
  if (visible == NULL) return display_width(prompt, -1);
  size_t kept = 0;
  int hidden = 0;
  for (size_t index = 0; index < length; index++) {
    if (prompt[index] == '\001') { hidden = 1; continue; }
    if (prompt[index] == '\002') { hidden = 0; continue; }
    if (!hidden) visible[kept++] = prompt[index];
  }
  visible[kept] = '\0';
  int width = display_width(visible, -1);
  free(visible);
  return width;
}

// Moves to the first row of the line being edited and clears from there down, so that a line
// that wraps over several rows is redrawn in place instead of below itself.
static void clear_edited_line(void) {
  int columns = cel_terminal_columns(STDOUT_FILENO);
  int rows_above = 0;
  if (columns > 0) {
    // Until a key is given to the new line, libedit's buffer still holds the last line's text.
    int typed = (keys_fed > 0 ? display_width(rl_line_buffer, rl_point) : 0) + unsynced_width;
    int cursor = prompt_width(shown_prompt) + typed;
    rows_above = cursor / columns;
  }
  if (rows_above > 0) printf("\033[%dA", rows_above);
  fputs("\r\033[J", stdout);
}

static int paste_line_count = 0;

int cel_last_paste_lines(void) { return paste_line_count; }

// Appends a byte to a growing text; 0 when memory ran out.
static int append_byte(char **text, size_t *length, size_t *capacity, char byte) {
  if (*length + 2 >= *capacity) {
    char *grown = realloc(*text, *capacity * 2);
    if (grown == NULL) return 0;
    *text = grown;
    *capacity *= 2;
  }
  (*text)[(*length)++] = byte;
  return 1;
}

// After an Esc: whether the bytes that follow are "[200~", the start of a bracketed paste. If so,
// the pasted text up to "\033[201~" goes into the line as one answer: each run of line breaks
// and tabs becomes one space, other control characters are dropped, and nothing is entered.
// Otherwise the bytes are given back for libedit.
static int take_paste(void) {
  static const char start[] = "[200~";
  static const char end[] = "\033[201~";
  int got[5];
  int count = 0;
  while (count < 5 && pending_bytes() > 0) {
    got[count] = read_byte();
    if (got[count] < 0) break;
    count++;
    if (got[count - 1] != start[count - 1]) break;
  }
  if (count < 5 || got[4] != start[4]) {
    for (int i = count - 1; i >= 0; i--) push_back(got[i]);
    return 0;
  }
  size_t capacity = 256, length = 0;
  char *text = malloc(capacity);
  if (text == NULL) return 0;
  size_t matched = 0;  // how much of `end` the last bytes were
  int lines = 1, in_break = 0;
  for (;;) {
    int byte = read_byte();
    if (byte < 0) break;
    if ((char)byte == end[matched]) {
      if (++matched == sizeof end - 1) break;
      continue;
    }
    // Bytes that began to look like the end but were not: kept as text (the Esc is dropped).
    for (size_t i = 1; i < matched; i++) append_byte(&text, &length, &capacity, end[i]);
    matched = (char)byte == end[0] ? 1 : 0;
    if (matched) continue;
    if (byte == '\r' || byte == '\n' || byte == '\t') {
      if (!in_break && length > 0) append_byte(&text, &length, &capacity, ' ');
      if (byte != '\t' && !in_break && length > 0) lines++;
      in_break = 1;
      continue;
    }
    if (byte < 0x20 || byte == 0x7F) continue;
    in_break = 0;
    if (!append_byte(&text, &length, &capacity, (char)byte)) break;
  }
  // A break at the very end (a pasted line with its newline) is no second line.
  if (in_break && lines > 1) lines--;
  while (length > 0 && text[length - 1] == ' ') length--;
  text[length] = '\0';
  paste_line_count = lines;
  if (length > 0) {
    cel_line_insert(text);
    // Counted as typed: the redraw measures the line, and a paste is never a one-key answer.
    keys_fed += 2;
  }
  free(text);
  return 1;
}

cel_key_wait cel_line_read_key(int timeout_ms, int *key, int *alone) {
  if (line_ready) return CEL_KEY_LINE_READY;
  if (kept_key >= 0) {
    *key = kept_key;
    kept_key = -1;
    *alone = pending_bytes() == 0;
    return CEL_KEY_READ;
  }
  if (pushed_count == 0) {
    fd_set set;
    FD_ZERO(&set);
    FD_SET(STDIN_FILENO, &set);
    struct timeval timeout = {timeout_ms / 1000, (timeout_ms % 1000) * 1000};
    int ready = select(STDIN_FILENO + 1, &set, NULL, NULL, &timeout);
    if (ready < 0) return errno == EINTR ? CEL_KEY_SIGNAL : CEL_KEY_CLOSED;
    if (ready == 0) return CEL_KEY_TIMEOUT;
  }
  int read = read_key();
  if (read == -2) return CEL_KEY_SIGNAL;
  if (read < 0) return CEL_KEY_CLOSED;  // the terminal went away
  if (read == 0x1B && take_paste()) return CEL_KEY_PASTED;
  *key = read;
  *alone = pending_bytes() == 0;
  return CEL_KEY_READ;
}

cel_feed cel_line_feed(int key) {
  int interrupts = interrupt_count;
  next_key = key;
  rl_callback_read_char();
  next_key = -1;
  keys_fed++;
  unsynced_width = 0;
  if (line_ready) return CEL_FEED_LINE_READY;
  if (interrupt_count != interrupts) return CEL_FEED_INTERRUPTED;  // Ctrl-C inside a sequence
  return CEL_FEED_PENDING;
}

void cel_line_keep_key(int key) { kept_key = key; }

int cel_line_holds_one_key(void) { return keys_fed == 1 && rl_end == 1 && rl_point == 1; }

void cel_line_insert(const char *text) {
  if (text[0] == '\0') return;
  clear_edited_line();  // libedit redraws from the line's start, which may be rows above
  rl_insert_text(text);
  // libedit brings rl_line_buffer and rl_point up to date only at the next key; until then the
  // redraws count the inserted text's columns from here.
  unsynced_width += display_width(text, -1);
  fflush(stdout);
  rl_forced_update_display();
}

void cel_line_enter(void) { cel_line_feed('\r'); }

void cel_line_resize(void) { rl_resize_terminal(); }

char *cel_line_take(void) {
  char *line = line_text;
  line_text = NULL;
  line_ready = 0;
  return line;
}

void cel_line_set_prompt(const char *prompt) {
  clear_edited_line();  // libedit redraws from the line's start
  rl_set_prompt(prompt);
  remember_prompt(prompt);
  fflush(stdout);
  rl_forced_update_display();
}

void cel_line_print_above(const char *text) {
  clear_edited_line();
  fputs(text, stdout);
  fputs("\n", stdout);
  fflush(stdout);
  rl_forced_update_display();
}

void cel_line_end(void) {
  if (!line_ready) {
    rl_callback_handler_remove();
    fputs("\033[?2004l", stdout);
    fputs("\n", stdout);
    fflush(stdout);
  }
  line_ready = 0;
  free(line_text);
  line_text = NULL;
}
