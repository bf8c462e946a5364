// Parses SQL files with Trino's own parser (trino-parser 432, the last release that runs on Java 17):
// grammar only; no Trino server runs here, so functions and types are not checked.
// java -cp <jars> tests/spark/ParseWithTrino.java <file.sql>…   (the JDK's single-file launcher)
import io.trino.sql.parser.SqlParser;
import java.nio.file.Files;
import java.nio.file.Path;

public class ParseWithTrino {
  public static void main(String[] args) throws Exception {
    SqlParser parser = new SqlParser();
    for (String file : args) {
      parser.createStatement(Files.readString(Path.of(file)));
      System.out.println("parsed: " + file);
    }
  }
}
