package io.github.securityrelease.inbox;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text of a mail of HTML alone (R1), inert: the words and line breaks, no markup; a link's
 * address written out after its words (where a link leads is what the team must see, not click);
 * scripts, styles and embedded content dropped unread. Parsed by jsoup, which never fetches or
 * runs anything.
 */
final class HtmlText {

  /** Elements whose content is no text a reader sees. */
  private static final String UNSEEN = "head, script, style, template, noscript, object, embed, iframe, frame, "
      + "svg, math, canvas, audio, video, select";
  /** Elements that end a line. */
  private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "header", "footer", "main",
      "aside", "nav", "blockquote", "pre", "ul", "ol", "dl", "dt", "dd", "table", "tr", "h1", "h2", "h3", "h4",
      "h5", "h6", "hr", "address", "figure", "figcaption", "details", "summary");
  private static final int LINK = 500;

  private HtmlText() {}

  static String of(String html) {
    Document document = Jsoup.parse(html);
    document.select(UNSEEN).remove();
    StringBuilder text = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode words) {
          text.append(inPre(words) ? words.getWholeText() : words.text());
        } else if (node instanceof Element element && element.normalName().equals("br")) {
          text.append('\n');
        } else if (node instanceof Element element && element.normalName().equals("li")) {
          endLine(text);
          text.append("- ");
        } else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
          text.append('\n');
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element element && element.normalName().equals("a")) {
          String href = MailReading.line(element.attr("href"), LINK);
          if (href != null && !href.equals(element.text().strip())) {
            text.append(" <").append(href).append('>');
          }
        } else if (node instanceof Element element && element.normalName().equals("li")) {
          endLine(text);
        } else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
          text.append('\n');
        }
      }
    }, document.body());
    // the space a collapsed line break leaves at a line's ends goes; a pre's indentation stays
    return text.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("(?m)^ (?=\\S)", "")
        .replaceAll("\\n{3,}", "\n\n").strip();
  }

  /** A list's items are lines of their own, without a blank line between them. */
  private static void endLine(StringBuilder text) {
    if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
      text.append('\n');
    }
  }

  private static boolean inPre(TextNode words) {
    for (Node parent = words.parent(); parent != null; parent = parent.parent()) {
      if (parent instanceof Element element && element.normalName().equals("pre")) {
        return true;
      }
    }
    return false;
  }
}
