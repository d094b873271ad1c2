// source: setup.py of CPython 3.11.2, lines 539-543
// upstream: https://github.com/python/cpython/blob/v3.11.2/setup.py#L539-L543
// taken from: Debian bookworm's python3.11_3.11.2.orig.tar.gz (python.org's Python-3.11.2.tgz, byte for byte), fetched with apt-get source, which checked it against the archive's signed Release file

        if self.missing:
            print()
            print("The necessary bits to build these optional modules were not "
                  "found:")
            print_three_column(self.missing)
