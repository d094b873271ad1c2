// source: src/libstore/build/local-derivation-goal.cc of Nix 2.8.0, lines 162-171, 238-242, 410-414, 430-434, 2025-2029, 2102-2106, 2176-2180, 2245-2249
// upstream: https://github.com/NixOS/nix/blob/2.8.0/src/libstore/build/local-derivation-goal.cc#L162-L171
// taken from: Debian bookworm's nix_2.8.0.orig.tar.xz, fetched with apt-get source, which checked it against the archive's signed Release file

    /* If `build-users-group' is not empty, then we have to build as
       one of the members of that group. */
    if (settings.buildUsersGroup != "" && getuid() == 0) {
#if defined(__linux__) || defined(__APPLE__)
        if (!buildUser) buildUser = std::make_unique<UserLock>();

        if (buildUser->findFreeUser()) {
            /* Make sure that no other processes are executing under this
               uid. */
            buildUser->kill();
[…]
int LocalDerivationGoal::getChildStatus()
{
    return hook ? DerivationGoal::getChildStatus() : pid.kill();
}

[…]
    /* Create a temporary directory where the build will take
       place. */
    tmpDir = createTempDir("", "nix-build-" + std::string(drvPath.name()), false, false, 0700);

    chownToBuilder(tmpDir);
[…]
                ? makeFallbackPath(outputName)
            : !needsHashRewrite()
                /* Can always use original path in sandbox */
                ? status.known->path
            : !status.known->isPresent()
[…]
                    e.second = rewriteStrings(e.second, inputRewrites);

                if (drv->builder == "builtin:fetchurl")
                    builtinFetchurl(drv2, netrcData);
                else if (drv->builder == "builtin:buildenv")
[…]
    std::exception_ptr delayedException;

    /* The paths that can be referenced are the input closures, the
       output paths, and any paths that have been built via recursive
       Nix calls. */
[…]
        /* Pass blank Sink as we are not ready to hash data at this stage. */
        NullSink blank;
        auto references = scanForReferences(blank, actualPath, referenceablePaths);

        outputReferencesIfUnregistered.insert_or_assign(
[…]
            /* Apply hash rewriting if necessary. */
            if (!outputRewrites.empty()) {
                debug("rewriting hashes in '%1%'; cross fingers", actualPath);

                /* FIXME: this is in-memory. */
