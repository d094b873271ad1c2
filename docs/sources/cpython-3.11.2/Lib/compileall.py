// source: Lib/compileall.py of CPython 3.11.2, lines 97-104, 449-453
// upstream: https://github.com/python/cpython/blob/v3.11.2/Lib/compileall.py#L97-L104
// taken from: Debian bookworm's python3.11_3.11.2.orig.tar.gz (python.org's Python-3.11.2.tgz, byte for byte), fetched with apt-get source, which checked it against the archive's signed Release file

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
        else:
            return compile_path(legacy=args.legacy, force=args.force,
                                quiet=args.quiet,
                                invalidation_mode=invalidation_mode)
