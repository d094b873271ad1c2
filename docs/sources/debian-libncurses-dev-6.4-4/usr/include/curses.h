// source: /usr/include/curses.h of Debian's libncurses-dev 6.4-4, lines 240-244
// upstream: https://packages.debian.org/libncurses-dev
// taken from: the file as Debian's libncurses-dev 6.4-4 installed it on the machine that wrote this excerpt (dpkg-query checked the version)

 */
#ifndef NCURSES_WIDECHAR
#if defined(_XOPEN_SOURCE_EXTENDED) || (defined(_XOPEN_SOURCE) && (_XOPEN_SOURCE - 0 >= 500))
#define NCURSES_WIDECHAR 1
#else
