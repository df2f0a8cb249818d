package vn.cdht.pipelines.source.files;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidOperationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import vn.cdht.pipelines.source.SourceRow;
import vn.cdht.pipelines.source.text.LegacyFontCells;
import vn.cdht.warehouse.source.SourceEntity;

/**
 * Reads an XLSX export streaming (POI's event API: the sheet XML is parsed with SAX, row by row). The first sheet with
 * a header row is read. The shared-strings table is held in memory (as POI does), the sheets are not. Cells typed in
 * a legacy font (TCVN3, VNI) are converted and counted in the report.
 */
public final class XlsxSourceReader {

    private XlsxSourceReader() {
    }

    public static FileReadReport read(SourceFile file, Consumer<SourceRow> sink) {
        SourceEntity entity = file.requireEntity();
        String name = file.name();
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.path().toFile(), PackageAccess.READ);
        } catch (InvalidOperationException | UnsupportedFileFormatException | OpenXML4JException
                 | POIXMLException e) {
            throw unreadable(name, e);
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            SharedStrings strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            boolean date1904 = date1904(reader);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            HeaderNotFoundException best = null;
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    RowAssembler assembler = new RowAssembler(name, entity, sink);
                    LegacyFontCells legacyFont = new LegacyFontCells();
                    try {
                        parse(sheet, new XlsxSheetHandler(strings, styles, date1904, legacyFont, assembler::accept));
                        return assembler.finish(SourceFormat.XLSX, sheets.getSheetName(), null,
                                FileReadReport.XLSX_ENCODING, legacyFont.counts());
                    } catch (HeaderNotFoundException e) {
                        if (best == null || e.matched() > best.matched()) {
                            best = e;
                        }
                    }
                }
            }
            throw new SourceFileException(name + ": " + (best == null ? "the workbook has no sheet" : best.getMessage()));
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | POIXMLException
                 | InvalidOperationException | UnsupportedFileFormatException e) {
            throw unreadable(name, e);
        } finally {
            pkg.revert();
        }
    }

    private static SourceFileException unreadable(String name, Exception e) {
        return new SourceFileException(name + ": not a readable XLSX file (" + e.getMessage() + ")", e);
    }

    private static void parse(InputStream xml, ContentHandler handler)
            throws IOException, SAXException, ParserConfigurationException {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(handler);
        try {
            parser.parse(new InputSource(xml));
        } catch (SAXException e) {
            // a handler's own exception (header not found, the sink's) may come back wrapped
            if (e.getException() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Whether the workbook uses the 1904 date system ({@code <workbookPr date1904="1"/>}). */
    private static boolean date1904(XSSFReader reader)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        boolean[] flag = {false};
        try (InputStream workbook = reader.getWorkbookData()) {
            parse(workbook, new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attrs) {
                    if ("workbookPr".equals(localName)) {
                        String v = attrs.getValue("date1904");
                        flag[0] = "1".equals(v) || "true".equalsIgnoreCase(v);
                    }
                }
            });
        }
        return flag[0];
    }
}
