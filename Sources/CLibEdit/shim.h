// libedit's readline layer, found through pkg-config `libedit` (Debian: libedit-dev).
#include <editline/readline.h>
