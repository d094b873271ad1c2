// source: Python/marshal.c of CPython 3.11.2, lines 305-309, 320-324, 434-438, 510-514
// upstream: https://github.com/python/cpython/blob/v3.11.2/Python/marshal.c#L305-L309
// taken from: Debian bookworm's python3.11_3.11.2.orig.tar.gz (python.org's Python-3.11.2.tgz, byte for byte), fetched with apt-get source, which checked it against the archive's signed Release file

     * as possible.
     */
    if (Py_REFCNT(v) == 1 &&
            !(PyUnicode_CheckExact(v) && PyUnicode_CHECK_INTERNED(v))) {
        return 0;
[…]
        return 1;
    } else {
        size_t s = p->hashtable->nentries;
        /* we don't support long indices */
        if (s >= 0x7fffffff) {
[…]
            if (is_short) {
                if (PyUnicode_CHECK_INTERNED(v))
                    W_TYPE(TYPE_SHORT_ASCII_INTERNED, p);
                else
                    W_TYPE(TYPE_SHORT_ASCII, p);
[…]
        n = PySet_GET_SIZE(v);
        W_SIZE(n, p);
        // bpo-37596: To support reproducible builds, sets and frozensets need
        // to have their elements serialized in a consistent order (even when
        // they have been scrambled by hash randomization). To ensure this, we
