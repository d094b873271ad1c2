package workshop;

import nixpylab.UserError;

/** Verifies an exercise with real Nix (builds, imports, roots), never by comparing the learner's text. */
public interface Check {
    Verdict run(Attempt a);

    static Check of(Exercise e) {
        return switch (e.check()) {
            case "fetch-hash" -> new FetchHashCheck();
            case "import-module" -> new ImportModuleCheck();
            case "stable-path" -> new StablePathCheck();
            case "named-root" -> new NamedRootCheck();
            case "safe-delete" -> new SafeDeleteCheck();
            case "runtime-reference" -> new RuntimeReferenceCheck();
            default -> throw new UserError("Exercise " + e.slug() + " asks for a check called '" + e.check() + "', which does not exist.",
                    "Use one of fetch-hash, import-module, stable-path, named-root, safe-delete, runtime-reference in its exercise.properties.");
        };
    }
}
