package terminal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class CommandGroupsTest {
    @Command(name = "a", description = "Learner's a.")
    static class A implements Runnable {
        public void run() {}
    }

    @Command(name = "b", description = "Instructor's b.")
    static class B implements Runnable {
        public void run() {}
    }

    @Command(name = "c", description = "Nobody's c.")
    static class C implements Runnable {
        public void run() {}
    }

    @Command(name = "top", subcommands = {A.class, B.class, C.class})
    static class Top implements Runnable {
        public void run() {}
    }

    @Test
    void eachGroupHasItsHeadingAndACommandInNoGroupIsStillListed() {
        CommandLine cl = new CommandLine(new Top());
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("For learners", List.of("a"));
        groups.put("For instructors", List.of("b"));
        CommandGroups.apply(cl, groups);
        String help = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertFalse(help.contains("Commands:"), help);
        assertTrue(help.matches("(?s).*For learners:\\n  a\\s+Learner's a\\.\\n\\nFor instructors:\\n  b\\s+Instructor's b\\.\\n\\nOther commands:\\n  c\\s+Nobody's c\\.\\n.*"), help);
    }
}
