package vn.cdht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class CccdMaskTest {

    @Test
    void keepsTheFirstThreeAndTheLastTwoOfTwelveDigits() {
        assertEquals("001*******45", CccdMask.mask("001234567845"));
        assertEquals("051*******53", CccdMask.mask("051304123453"));
        assertEquals(12, CccdMask.mask("096199000001").length());
    }

    @Test
    void hidesPositionsFourToTenExactly() {
        String masked = CccdMask.mask("012345678901");
        assertEquals("012", masked.substring(0, 3));
        assertEquals("*******", masked.substring(3, 10));
        assertEquals("01", masked.substring(10));
    }

    @Test
    void dropsSpacesBeforeMasking() {
        assertEquals("001*******45", CccdMask.mask(" 001 234 567 845 "));
        assertEquals("001*******45", CccdMask.mask("001234567845\n"));
    }

    @Test
    void otherLengthsKeepTheSameEndsAndNeverShowAShortNumberWhole() {
        // a CCCD that lost its leading zero in Excel
        assertEquals("123******45", CccdMask.mask("12345678945"));
        // an old 9-digit identity card
        assertEquals("123****89", CccdMask.mask("123456789"));
        assertEquals("*****", CccdMask.mask("12345"));
        assertEquals("*", CccdMask.mask("7"));
    }

    @Test
    void nullAndBlankGiveAnEmptyCell() {
        assertEquals("", CccdMask.mask(null));
        assertEquals("", CccdMask.mask(""));
        assertEquals("", CccdMask.mask("   "));
    }

    @Test
    void noMaskedValueHoldsARunOfMoreThanThreeDigits() {
        for (String id : new String[] {"001234567845", "0012345678450", "12345678945", "999999999999"}) {
            assertFalse(CccdMask.mask(id).matches(".*\\d{4,}.*"), id);
        }
    }
}
