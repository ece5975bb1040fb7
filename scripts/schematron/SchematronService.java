// A long-lived Schematron validator for the eForms SDK's rules, run by Java's source launcher
// (`java -cp Saxon-HE.jar SchematronService.java <schxslt folder> <schematron file>`): SchXslt
// compiles the Schematron into XSLT once per phase (a notice subtype, e.g. `eforms-16`), Saxon-HE
// compiles that XSLT once and keeps it, and every notice is then one transformation into SVRL.
// Protocol, one line each way: `<id>\t<phase>\t<path of the XML>` in; out `<id>\tOK\t<json>` with
// the failed assertions and successful reports, or `<id>\tERROR\t<message>`. A phase `xslt:<file>`
// runs rules that come compiled to XSLT already (the ESPD-EDM's); started without arguments, the
// service runs only those.
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XsltCompiler;
import net.sf.saxon.s9api.XsltExecutable;
import net.sf.saxon.s9api.XsltTransformer;

public class SchematronService {
  private final Processor processor = new Processor(false);
  private final XsltCompiler compiler = processor.newXsltCompiler();
  private final File schxslt;
  private final XdmNode expanded;
  private final Map<String, XsltExecutable> byStylesheet = new HashMap<>();
  private final Map<String, XsltExecutable> byPhase = new HashMap<>();

  SchematronService(File schxslt, File schematron) throws SaxonApiException {
    this.schxslt = schxslt;
    if (schematron == null) {
      this.expanded = null;
      return;
    }
    // include.xsl then expand.xsl: the rules with their includes and abstract patterns resolved, once for every phase.
    XdmNode included = transform("include.xsl", new StreamSource(schematron), null);
    this.expanded = transform("expand.xsl", included.asSource(), null);
  }

  private XdmNode transform(String stylesheet, javax.xml.transform.Source source, String phase)
      throws SaxonApiException {
    XsltTransformer t = compiler.compile(new StreamSource(new File(schxslt, stylesheet))).load();
    if (phase != null) t.setParameter(new QName("phase"), new XdmAtomicValue(phase));
    t.setSource(source);
    XdmDestination out = new XdmDestination();
    t.setDestination(out);
    t.transform();
    return out.getXdmNode();
  }

  private XsltExecutable rulesOf(String phase) throws SaxonApiException {
    // `xslt:<file>`: rules already compiled to XSLT (the ESPD-EDM ships them so), compiled once.
    if (phase.startsWith("xslt:")) {
      XsltExecutable compiled = byStylesheet.get(phase);
      if (compiled == null) {
        compiled = compiler.compile(new StreamSource(new File(phase.substring(5))));
        byStylesheet.put(phase, compiled);
      }
      return compiled;
    }
    XsltExecutable rules = byPhase.get(phase);
    if (rules == null) {
      XdmNode xslt = transform("compile-for-svrl.xsl", expanded.asSource(), phase);
      rules = compiler.compile(xslt.asSource());
      byPhase.put(phase, rules);
    }
    return rules;
  }

  private String validate(String phase, File notice) throws SaxonApiException {
    XsltTransformer t = rulesOf(phase).load();
    t.setSource(new StreamSource(notice));
    XdmDestination out = new XdmDestination();
    t.setDestination(out);
    t.transform();
    XPathCompiler xpath = processor.newXPathCompiler();
    xpath.declareNamespace("svrl", "http://purl.oclc.org/dsdl/svrl");
    StringBuilder json = new StringBuilder("[");
    for (XdmItem item : xpath.evaluate("//svrl:failed-assert | //svrl:successful-report", out.getXdmNode())) {
      XdmNode n = (XdmNode) item;
      if (json.length() > 1) json.append(',');
      json.append("{\"id\":").append(quote(n.getAttributeValue(new QName("id"))))
          .append(",\"role\":").append(quote(n.getAttributeValue(new QName("role"))))
          .append(",\"flag\":").append(quote(n.getAttributeValue(new QName("flag"))))
          .append(",\"location\":").append(quote(n.getAttributeValue(new QName("location"))))
          .append(",\"test\":").append(quote(n.getAttributeValue(new QName("test"))))
          .append(",\"field\":").append(quote(xpath.evaluateSingle("string-join(svrl:diagnostic-reference/@diagnostic, ' ')", n).getStringValue()))
          .append(",\"text\":").append(quote(xpath.evaluateSingle("normalize-space(svrl:text)", n).getStringValue()))
          .append('}');
    }
    return json.append(']').toString();
  }

  private static String quote(String s) {
    if (s == null) return "null";
    StringBuilder q = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') q.append('\\').append(c);
      else if (c < 0x20) q.append(String.format("\\u%04x", (int) c));
      else q.append(c);
    }
    return q.append('"').toString();
  }

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    // Without arguments it runs only rules already compiled to XSLT.
    SchematronService service =
        new SchematronService(args.length > 0 ? new File(args[0]) : null, args.length > 1 ? new File(args[1]) : null);
    out.println("ready");
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      String[] parts = line.split("\t", 3);
      if (parts.length < 3) continue;
      try {
        out.println(parts[0] + "\tOK\t" + service.validate(parts[1], new File(parts[2])));
      } catch (Exception e) {
        out.println(parts[0] + "\tERROR\t" + String.valueOf(e.getMessage()).replace('\n', ' ').replace('\t', ' '));
      }
    }
  }
}
