// source: setup.py of CPython 3.11.2, lines 539-543, 692-696, 812-816, 869-874, 1124-1128
// upstream: https://github.com/python/cpython/blob/v3.11.2/setup.py#L539-L543
// taken from: Debian bookworm's python3.11_3.11.2.orig.tar.gz (python.org's Python-3.11.2.tgz, byte for byte), fetched with apt-get source, which checked it against the archive's signed Release file

        if self.missing:
            print()
            print("The necessary bits to build these optional modules were not "
                  "found:")
            print_three_column(self.missing)
[…]
            os.makedirs(self.build_temp)
        ret = run_command(
            '%s -print-multiarch > %s 2> /dev/null' % (CC, tmpfile))
        multiarch_path_component = ''
        try:
[…]

    def add_ldflags_cppflags(self):
        # Add paths specified in the environment variables LDFLAGS and
        # CPPFLAGS for header and library files.
        # We must get the values from the Makefile and not the environment
[…]
                            sysconfig.get_config_var("INCLUDEDIR"))

        system_lib_dirs = ['/lib64', '/usr/lib64', '/lib', '/usr/lib']
        system_include_dirs = ['/usr/include']
        # lib_dirs and inc_dirs are used to search for files;
        # if a file is found in one of those directories, it can
[…]
        panel_library = 'panel'
        if curses_library == 'ncursesw':
            curses_defines.append(('HAVE_NCURSESW', '1'))
            if not CROSS_COMPILING:
                curses_includes.append('/usr/include/ncursesw')
