package org.exitbot.questions;

import java.util.List;

/**
 * The theme codes scripted follow-ups may name. The analysis owns the taxonomy, above this module, so the module
 * that uses both declares the bean.
 */
public interface ThemeTaxonomy {

    /** In the taxonomy's order. */
    List<String> codes();
}
