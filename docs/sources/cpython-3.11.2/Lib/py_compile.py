// source: Lib/py_compile.py of CPython 3.11.2, lines 71-76
// upstream: https://github.com/python/cpython/blob/v3.11.2/Lib/py_compile.py#L71-L76
// taken from: Debian bookworm's python3.11_3.11.2.orig.tar.gz (python.org's Python-3.11.2.tgz, byte for byte), fetched with apt-get source, which checked it against the archive's signed Release file


def _get_default_invalidation_mode():
    if os.environ.get('SOURCE_DATE_EPOCH'):
        return PycInvalidationMode.CHECKED_HASH
    else:
        return PycInvalidationMode.TIMESTAMP
