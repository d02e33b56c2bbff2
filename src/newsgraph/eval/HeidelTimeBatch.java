// HeidelTime over many documents in one JVM: the peer of `newsgraph eval timex --peer heideltime`.
// Reads "YYYY-MM-DD<TAB>path" lines on stdin; writes each document's TimeML between marker lines.
// Run in Java's source-file mode: java -cp de.unihd.dbs.heideltime.standalone.jar HeidelTimeBatch.java config.props
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.text.SimpleDateFormat;
import de.unihd.dbs.heideltime.standalone.*;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;

public class HeidelTimeBatch {
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8");
        System.setOut(System.err);
        HeidelTimeStandalone ht = new HeidelTimeStandalone(Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
        String line;
        while ((line = in.readLine()) != null) {
            String[] p = line.split("\t", 2);
            String text = new String(Files.readAllBytes(Paths.get(p[1])), StandardCharsets.UTF_8);
            String result;
            try {
                result = ht.process(text, day.parse(p[0]));
            } catch (Exception e) {
                result = "";
            }
            out.println("<<<newsgraph-doc>>>");
            out.println(result);
            out.println("<<<newsgraph-end>>>");
        }
    }
}
