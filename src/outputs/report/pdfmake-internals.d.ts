// pdfmake's internal classes that pdf-tagging.ts extends; they ship no declarations (checked at run time there).
declare module 'pdfmake/js/LayoutBuilder.js' {
  const exported: unknown;
  export default exported;
}
declare module 'pdfmake/js/Renderer.js' {
  const exported: unknown;
  export default exported;
}
declare module 'pdfmake/js/StyleContextStack.js' {
  const exported: unknown;
  export default exported;
}
