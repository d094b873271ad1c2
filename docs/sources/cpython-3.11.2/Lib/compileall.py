// source: Lib/compileall.py of CPython 3.11.2, lines 34-38, 97-104, 272-276, 449-453
// upstream: https://github.com/python/cpython/blob/v3.11.2/Lib/compileall.py#L34-L38
// taken from: Debian bookworm's python3.11_3.11.2.orig.tar.gz (python.org's Python-3.11.2.tgz, byte for byte), fetched with apt-get source, which checked it against the archive's signed Release file

            print("Can't list {!r}".format(dir))
        names = []
    names.sort()
    for name in names:
        if name == '__pycache__':
[…]
    files = _walk_dir(dir, quiet=quiet, maxlevels=maxlevels)
    success = True
    if workers != 1 and ProcessPoolExecutor is not None:
        # If workers == 0, let ProcessPoolExecutor choose
        workers = workers or None
        with ProcessPoolExecutor(max_workers=workers) as executor:
            results = executor.map(partial(compile_file,
                                           ddir=ddir, force=force,
[…]
    return success

def compile_path(skip_curdir=1, maxlevels=0, force=False, quiet=0,
                 legacy=False, optimize=-1,
                 invalidation_mode=None):
[…]
            return success
        else:
            return compile_path(legacy=args.legacy, force=args.force,
                                quiet=args.quiet,
                                invalidation_mode=invalidation_mode)
