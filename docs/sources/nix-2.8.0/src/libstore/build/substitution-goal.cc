// source: src/libstore/build/substitution-goal.cc of Nix 2.8.0, lines 116-120, 156-160
// upstream: https://github.com/NixOS/nix/blob/2.8.0/src/libstore/build/substitution-goal.cc#L116-L120
// taken from: Debian bookworm's nix_2.8.0.orig.tar.xz, fetched with apt-get source, which checked it against the archive's signed Release file

        }
        throw;
    } catch (Error & e) {
        if (settings.tryFallback) {
            logError(e.info());
[…]
    {
        warn("the substitute for '%s' from '%s' is not signed by any of the keys in 'trusted-public-keys'",
            worker.store.printStorePath(storePath), sub->getUri());
        tryNext();
        return;
