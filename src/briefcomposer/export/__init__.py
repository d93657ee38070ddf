"""Export a brief to Word (and PDF). Imports nothing, so `export.context` stays light.

- `context.build_context(brief, author)`: the plain dict a template is rendered with;
- `docx_writer.export_docx(brief, target, template, author, progress)` and
  `docx_writer.suggested_filename(brief)`;
- `check.check_template(path)`: what is wrong with a department's Word template;
- `pdf.find_soffice()` and `pdf.convert_to_pdf(docx, target_pdf)`: optional, via LibreOffice.

The tag vocabulary and the rules of the body are documented in templates/README.md.
"""
