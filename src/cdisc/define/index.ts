export type {
  DefinePackage,
  DefineDataset,
  DefineVariable,
  DefineValueLevel,
  DefineWhereCondition,
  DefineItemMetadata,
  DefineOrigin,
  DefineDocumentRef,
  DefineCodelist,
  DefineCodelistItem,
  DefineMethod,
  DefineComment,
  DefineStandard,
  DefineDocument,
  DefineDataType,
  DefineDatasetClass,
  SdtmRole,
  DefineWriteOptions,
} from './types.js';
export { createDefineXml, defineOid, ODM_NS, DEF_NS, XLINK_NS } from './createDefineXml.js';
export { validateDefinePackage } from './validateDefinePackage.js';
export { xptDatasetFromDefine } from './xptDatasetFromDefine.js';
export { parseXmlTree, walkXml, childOf, translatedText, type XmlTree } from './parseXmlTree.js';
