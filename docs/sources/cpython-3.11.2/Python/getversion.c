// source: Python/getversion.c of CPython 3.11.2, lines 11-15
// upstream: https://github.com/python/cpython/blob/v3.11.2/Python/getversion.c#L11-L15
// taken from: Debian bookworm's python3.11_3.11.2.orig.tar.gz (python.org's Python-3.11.2.tgz, byte for byte), fetched with apt-get source, which checked it against the archive's signed Release file

    static char version[250];
    PyOS_snprintf(version, sizeof(version), "%.80s (%.80s) %.80s",
                  PY_VERSION, Py_GetBuildInfo(), Py_GetCompiler());
    return version;
}
