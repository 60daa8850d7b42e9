/**
 * The API reference tree of Semansys' published docs (https://docs.semansys.com/), entry by entry, with the endpoint(s)
 * the node reaches for it. Entries without an endpoint are headings that only group their children.
 */
const TREE = `
Report package = POST /report-package
Instance
  Balance sheet = POST /instance/balance-sheet
  Pivot = POST /instance/pivot
  Compare = POST /instance/compare
  Inline compare = POST /instance/inline-compare
Report chat
  Upload = POST /report-chat/upload
  Chat = POST /report-chat/chat
  Delete = POST /report-chat/delete
Customer corner
  Users = GET /customer-corner/users; POST /customer-corner/users
  Certificate = POST /customer-corner/certificate
  File = GET /customer-corner/file/{fileIds}
    Download = GET /customer-corner/file/download
    History = GET /customer-corner/file/{id}/history
    Upload big file = POST /customer-corner/file/upload-big-file
    Multiple = POST /customer-corner/file/multiple
    Chunk = POST /customer-corner/file/chunk
  Product files
    Download = GET /customer-corner/product-files/download
    Release = POST /customer-corner/product-files/release
  Report package tree = GET /customer-corner/report-package-tree
  Send = POST /customer-corner/send
  Accept = POST /customer-corner/accept
  User role = POST /customer-corner/user-role
  Delivery
    Messages = GET /customer-corner/delivery/messages
      Get all with filter = POST /customer-corner/delivery/messages/get-all-with-filter
      Upload Excel = POST /customer-corner/delivery/messages/upload-excel
      Upload JSON = POST /customer-corner/delivery/messages/upload-json
  Instance
    Properties = GET /customer-corner/instance/properties
  PDF
    PDF provider = POST /customer-corner/pdf/pdf-provider
Delivery
  Digipoort = POST /delivery/digipoort
  SBR Nexus = POST /delivery/sbr-nexus
  HMRC = POST /delivery/hmrc
Status
  Digipoort = POST /status/digipoort
  SBR Nexus = POST /status/sbr-nexus
  HMRC = POST /status/hmrc
HMRC
  Build ct600 = POST /hmrc/build-ct600
  Retrieve ct600 = POST /hmrc/retrieve-ct600
  Embed irmark = POST /hmrc/embed-irmark
Input import
  Hash creation
    Single file = POST /input-import/hash-creation/single-file
  Instance
    Generation = POST /input-import/instance/generation
    CSV import = POST /input-import/instance/csv-import
    Data = POST /input-import/instance/data
    Reported facts AI = POST /input-import/instance/reported-facts-ai
    Generation AI = POST /input-import/instance/generation-ai
Taxonomy
  Entrypoints = GET /taxonomy/entrypoints
    Schema set = GET /taxonomy/entrypoints/schema-set
    Parameters = GET /taxonomy/entrypoints/parameters
    Table of content = GET /taxonomy/entrypoints/table-of-content
    Tables = GET /taxonomy/entrypoints/tables
      Status = GET /taxonomy/entrypoints/tables/status
    Presentation = GET /taxonomy/entrypoints/presentation
      Base set response = GET /taxonomy/entrypoints/presentation/base-set-response
      Base set concept = GET /taxonomy/entrypoints/presentation/base-set-concept
    Calculation = GET /taxonomy/entrypoints/calculation
    Definition = GET /taxonomy/entrypoints/definition
    CSV = GET /taxonomy/entrypoints/csv
    CSV Zip = GET /taxonomy/entrypoints/csv-zip
    CSV placeholder Zip = GET /taxonomy/entrypoints/csv-placeholder-zip
  Entrypoint = GET /taxonomy/entrypoint
  Package = GET /taxonomy/package
  Concepts = GET /taxonomy/concepts
  Link roles = GET /taxonomy/link-roles
  Taxonomy extension = POST /taxonomy/taxonomy-extension
  Report extension = POST /taxonomy/report-extension
  Extension
    Concepts = POST /taxonomy/extension/concepts
    Linkroles = POST /taxonomy/extension/linkroles
    Pivot = POST /taxonomy/extension/pivot
Validation
  Status = GET /validation/status/{id}
  Filtered status = GET /validation/filtered-status/{id}
  Report package
    ESMA/ESEF = POST /validation/report-package/esma-esef
    SBR 2.0 = POST /validation/report-package/sbr-2-0
  Hash codes = POST /validation/hash-codes
  Instance
    XBRL core = POST /validation/instance/xbrl-core
    XBRL dimensions = POST /validation/instance/xbrl-dimensions
    Inline XBRL = POST /validation/instance/inline-xbrl
    XBRL calculation = POST /validation/instance/xbrl-calculation
    Formula assertions = POST /validation/instance/formula-assertions
    Uniform = POST /validation/instance/uniform
    Duplicates = POST /validation/instance/duplicates
    UTR list = POST /validation/instance/utr-list
    Full = POST /validation/instance/full
    Filing rules = POST /validation/instance/filing-rules
    Non present facts = POST /validation/instance/non-present-facts
Rendering
  Instance
    Render = POST /rendering/instance/render
    XHTML = POST /rendering/instance/xhtml
    HTML to inline package = POST /rendering/instance/html-to-inline-package
    Consistent = POST /rendering/instance/consistent
    Consistent plus = POST /rendering/instance/consistent-plus
    Convert inline to XBRL = POST /rendering/instance/convert-inline-to-xbrl
    Tax report SBR = POST /rendering/instance/tax-report-sbr
    Uniform = POST /rendering/instance/uniform
    Merge = POST /rendering/instance/merge
    Allowed render options = GET /rendering/instance/allowed-render-options
`;

export interface TreeEntry {
	/** "Customer corner › File › History" */
	title: string;
	/** "GET /customer-corner/file/{id}/history"; empty for headings. */
	endpoints: string[];
}

export function referenceTree(): TreeEntry[] {
	const stack: string[] = [];
	return TREE.split('\n')
		.filter((line) => line.trim())
		.map((line) => {
			const depth = (line.length - line.trimStart().length) / 2;
			const [name, endpoints = ''] = line.trim().split(' = ');
			stack.length = depth;
			stack.push(name);
			return { title: stack.join(' › '), endpoints: endpoints.split('; ').filter(Boolean) };
		});
}
