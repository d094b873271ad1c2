package terminal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/** A command whose --help lists its subcommands in groups (a heading each, in this order) rather than as one list. */
public interface CommandGroups {
    /** Each group's heading and the names of its subcommands. */
    Map<String, List<String>> commandGroups();

    /** Replaces picocli's one "Commands:" list with a list per group; a subcommand in no group is listed last under "Other commands". */
    static void apply(CommandLine cl, Map<String, List<String>> groups) {
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING, help -> "");
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, help -> {
            Map<String, Help> left = new LinkedHashMap<>(help.subcommands());
            StringBuilder b = new StringBuilder();
            for (Map.Entry<String, List<String>> g : groups.entrySet()) {
                Map<String, Help> these = new LinkedHashMap<>();
                for (String name : g.getValue()) {
                    Help h = left.remove(name);
                    if (h != null) these.put(name, h);
                }
                b.append(String.format("%n%s:%n", g.getKey())).append(help.commandList(these));
            }
            if (!left.isEmpty()) b.append(String.format("%nOther commands:%n")).append(help.commandList(left));
            return b.toString();
        });
    }
}
