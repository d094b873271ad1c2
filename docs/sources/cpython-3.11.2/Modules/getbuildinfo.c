// source: Modules/getbuildinfo.c of CPython 3.11.2, lines 7-11
// upstream: https://github.com/python/cpython/blob/v3.11.2/Modules/getbuildinfo.c#L7-L11
// taken from: Debian bookworm's python3.11_3.11.2.orig.tar.gz (python.org's Python-3.11.2.tgz, byte for byte), fetched with apt-get source, which checked it against the archive's signed Release file

#ifndef DATE
#ifdef __DATE__
#define DATE __DATE__
#else
#define DATE "xx/xx/xx"
