package testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/** Needs what only the host has (Chromium, README's own lab/, the sources read once): left out on the current Nix. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(HostOnly.TAG)
public @interface HostOnly {
    String TAG = "host";
}
