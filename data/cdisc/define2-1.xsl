<?xml version="1.0" encoding="UTF-8"?>
<!--
  trialkit's stylesheet for CDISC Define-XML 2.1 (define.xml) files: shows the standards, the datasets with links
  to their .xpt files, each dataset's variables (type, length, format, controlled terms, origin, method, comment),
  value-level metadata, codelists, methods, comments and documents as HTML tables. XSLT 1.0, so a browser applies
  it when it opens define.xml over http(s), and xsltproc or Saxon can write define.html.
  This is not CDISC's define2-1.xsl; it renders the parts of Define-XML 2.1 that trialkit writes.
  MIT licence, as trialkit.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:odm="http://www.cdisc.org/ns/odm/v1.3"
  xmlns:def="http://www.cdisc.org/ns/def/v2.1"
  xmlns:xlink="http://www.w3.org/1999/xlink"
  exclude-result-prefixes="odm def xlink">
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:key name="item" match="odm:ItemDef" use="@OID"/>
  <xsl:key name="codelist" match="odm:CodeList" use="@OID"/>
  <xsl:key name="method" match="odm:MethodDef" use="@OID"/>
  <xsl:key name="comment" match="def:CommentDef" use="@OID"/>
  <xsl:key name="leaf" match="def:leaf" use="@ID"/>
  <xsl:key name="valuelist" match="def:ValueListDef" use="@OID"/>
  <xsl:key name="where" match="def:WhereClauseDef" use="@OID"/>

  <xsl:variable name="mdv" select="/odm:ODM/odm:Study/odm:MetaDataVersion"/>

  <xsl:template match="/">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <title><xsl:value-of select="/odm:ODM/odm:Study/odm:GlobalVariables/odm:StudyName"/>: data definitions</title>
        <style>
          body { font-family: Arial, Helvetica, sans-serif; font-size: 13px; margin: 1.5em; color: #111; }
          h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 2em; border-bottom: 1px solid #888; } h3 { font-size: 14px; margin-top: 1.5em; }
          table { border-collapse: collapse; margin: 0.5em 0 1em; }
          th, td { border: 1px solid #bbb; padding: 3px 6px; text-align: left; vertical-align: top; }
          th { background: #e8eef4; }
          caption { text-align: left; font-weight: bold; padding: 4px 0; }
          .muted { color: #666; } nav a { margin-right: 1em; } pre { margin: 0; white-space: pre-wrap; }
        </style>
      </head>
      <body>
        <h1>
          <xsl:value-of select="/odm:ODM/odm:Study/odm:GlobalVariables/odm:StudyName"/>
          <xsl:text>: </xsl:text>
          <xsl:value-of select="$mdv/@Name"/>
        </h1>
        <p>
          <xsl:value-of select="/odm:ODM/odm:Study/odm:GlobalVariables/odm:StudyDescription"/>
          <span class="muted">
            <xsl:text> (protocol </xsl:text><xsl:value-of select="/odm:ODM/odm:Study/odm:GlobalVariables/odm:ProtocolName"/>
            <xsl:text>; Define-XML </xsl:text><xsl:value-of select="$mdv/@def:DefineVersion"/>
            <xsl:text>; context </xsl:text><xsl:value-of select="/odm:ODM/@def:Context"/>
            <xsl:text>; created </xsl:text><xsl:value-of select="/odm:ODM/@CreationDateTime"/>
            <xsl:text>)</xsl:text>
          </span>
        </p>
        <nav>
          <a href="#datasets">Datasets</a>
          <a href="#valuelevel">Value-level metadata</a>
          <a href="#codelists">Codelists</a>
          <a href="#methods">Methods</a>
          <a href="#comments">Comments</a>
          <a href="#documents">Documents</a>
        </nav>

        <h2>Standards</h2>
        <table id="standards">
          <tr><th>Name</th><th>Type</th><th>Publishing set</th><th>Version</th><th>Status</th></tr>
          <xsl:for-each select="$mdv/def:Standards/def:Standard">
            <tr><td><xsl:value-of select="@Name"/></td><td><xsl:value-of select="@Type"/></td><td><xsl:value-of select="@PublishingSet"/></td><td><xsl:value-of select="@Version"/></td><td><xsl:value-of select="@Status"/></td></tr>
          </xsl:for-each>
        </table>

        <h2 id="datasets">Datasets</h2>
        <table id="dataset-list">
          <tr><th>Dataset</th><th>Description</th><th>Class</th><th>Structure</th><th>Keys</th><th>Location</th></tr>
          <xsl:for-each select="$mdv/odm:ItemGroupDef">
            <tr>
              <td><a href="#{@OID}"><xsl:value-of select="@Name"/></a></td>
              <td><xsl:value-of select="odm:Description/odm:TranslatedText"/></td>
              <td>
                <xsl:value-of select="def:Class/@Name"/>
                <xsl:if test="def:Class/def:SubClass"> / <xsl:value-of select="def:Class/def:SubClass/@Name"/></xsl:if>
              </td>
              <td><xsl:value-of select="@def:Structure"/></td>
              <td>
                <xsl:for-each select="odm:ItemRef[@KeySequence]">
                  <xsl:sort select="@KeySequence" data-type="number"/>
                  <xsl:value-of select="key('item', @ItemOID)/@Name"/>
                  <xsl:if test="position() != last()">, </xsl:if>
                </xsl:for-each>
              </td>
              <td><xsl:apply-templates select="key('leaf', @def:ArchiveLocationID)" mode="link"/></td>
            </tr>
          </xsl:for-each>
        </table>

        <xsl:for-each select="$mdv/odm:ItemGroupDef">
          <table id="{@OID}" class="dataset">
            <caption>
              <xsl:value-of select="@Name"/> (<xsl:value-of select="odm:Description/odm:TranslatedText"/>)
              <xsl:text> - </xsl:text>
              <xsl:apply-templates select="key('leaf', @def:ArchiveLocationID)" mode="link"/>
            </caption>
            <tr><th>Variable</th><th>Label</th><th>Key</th><th>Type</th><th>Length</th><th>Display format</th><th>Controlled terms</th><th>Origin</th><th>Derivation / comment</th></tr>
            <xsl:for-each select="odm:ItemRef">
              <xsl:variable name="item" select="key('item', @ItemOID)"/>
              <tr>
                <td>
                  <xsl:value-of select="$item/@Name"/>
                  <xsl:if test="$item/def:ValueListRef"> (<a href="#{$item/def:ValueListRef/@ValueListOID}">value level</a>)</xsl:if>
                </td>
                <td><xsl:value-of select="$item/odm:Description/odm:TranslatedText"/></td>
                <td><xsl:value-of select="@KeySequence"/></td>
                <td><xsl:value-of select="$item/@DataType"/></td>
                <td><xsl:value-of select="$item/@Length"/></td>
                <td><xsl:value-of select="$item/@def:DisplayFormat"/></td>
                <td><xsl:apply-templates select="$item/odm:CodeListRef"/></td>
                <td><xsl:apply-templates select="$item/def:Origin"/></td>
                <td>
                  <xsl:apply-templates select="key('method', @MethodOID)" mode="inline"/>
                  <xsl:apply-templates select="key('comment', $item/@def:CommentOID)" mode="inline"/>
                </td>
              </tr>
            </xsl:for-each>
          </table>
        </xsl:for-each>

        <h2 id="valuelevel">Value-level metadata</h2>
        <xsl:if test="not($mdv/def:ValueListDef)"><p class="muted">None.</p></xsl:if>
        <xsl:for-each select="$mdv/def:ValueListDef">
          <table id="{@OID}" class="valuelist">
            <caption><xsl:value-of select="@OID"/></caption>
            <tr><th>Where</th><th>Description</th><th>Type</th><th>Length</th><th>Display format</th><th>Controlled terms</th><th>Origin</th><th>Derivation / comment</th></tr>
            <xsl:for-each select="odm:ItemRef">
              <xsl:variable name="item" select="key('item', @ItemOID)"/>
              <tr>
                <td><xsl:apply-templates select="key('where', def:WhereClauseRef/@WhereClauseOID)"/></td>
                <td><xsl:value-of select="$item/odm:Description/odm:TranslatedText"/></td>
                <td><xsl:value-of select="$item/@DataType"/></td>
                <td><xsl:value-of select="$item/@Length"/></td>
                <td><xsl:value-of select="$item/@def:DisplayFormat"/></td>
                <td><xsl:apply-templates select="$item/odm:CodeListRef"/></td>
                <td><xsl:apply-templates select="$item/def:Origin"/></td>
                <td>
                  <xsl:apply-templates select="key('method', @MethodOID)" mode="inline"/>
                  <xsl:apply-templates select="key('comment', $item/@def:CommentOID)" mode="inline"/>
                </td>
              </tr>
            </xsl:for-each>
          </table>
        </xsl:for-each>

        <h2 id="codelists">Codelists</h2>
        <xsl:for-each select="$mdv/odm:CodeList">
          <table id="{@OID}" class="codelist">
            <caption>
              <xsl:value-of select="@Name"/>
              <span class="muted">
                <xsl:text> (</xsl:text><xsl:value-of select="@OID"/>, <xsl:value-of select="@DataType"/>
                <xsl:if test="odm:Alias[@Context='nci:ExtCodeID']">, NCI <xsl:value-of select="odm:Alias[@Context='nci:ExtCodeID']/@Name"/></xsl:if>
                <xsl:if test="@def:IsNonStandard='Yes'">, sponsor-defined</xsl:if>
                <xsl:text>)</xsl:text>
              </span>
            </caption>
            <xsl:choose>
              <xsl:when test="odm:ExternalCodeList">
                <tr><th>Dictionary</th><th>Version</th></tr>
                <tr><td><xsl:value-of select="odm:ExternalCodeList/@Dictionary"/></td><td><xsl:value-of select="odm:ExternalCodeList/@Version"/></td></tr>
              </xsl:when>
              <xsl:otherwise>
                <tr><th>Code</th><th>Decode</th><th>NCI code</th></tr>
                <xsl:for-each select="odm:CodeListItem | odm:EnumeratedItem">
                  <tr>
                    <td><xsl:value-of select="@CodedValue"/><xsl:if test="@def:ExtendedValue='Yes'"> *</xsl:if></td>
                    <td><xsl:value-of select="odm:Decode/odm:TranslatedText"/></td>
                    <td><xsl:value-of select="odm:Alias[@Context='nci:ExtCodeID']/@Name"/></td>
                  </tr>
                </xsl:for-each>
              </xsl:otherwise>
            </xsl:choose>
          </table>
        </xsl:for-each>

        <h2 id="methods">Methods</h2>
        <table id="method-list">
          <tr><th>Method</th><th>Type</th><th>Description</th><th>Code</th></tr>
          <xsl:for-each select="$mdv/odm:MethodDef">
            <tr id="{@OID}">
              <td><xsl:value-of select="@Name"/></td>
              <td><xsl:value-of select="@Type"/></td>
              <td><pre><xsl:value-of select="odm:Description/odm:TranslatedText"/></pre><xsl:apply-templates select="def:DocumentRef"/></td>
              <td><xsl:for-each select="odm:FormalExpression"><div class="muted"><xsl:value-of select="@Context"/></div><pre><xsl:value-of select="."/></pre></xsl:for-each></td>
            </tr>
          </xsl:for-each>
        </table>

        <h2 id="comments">Comments</h2>
        <table id="comment-list">
          <tr><th>Comment</th><th>Text</th></tr>
          <xsl:for-each select="$mdv/def:CommentDef">
            <tr id="{@OID}"><td><xsl:value-of select="@OID"/></td><td><xsl:value-of select="odm:Description/odm:TranslatedText"/><xsl:apply-templates select="def:DocumentRef"/></td></tr>
          </xsl:for-each>
        </table>

        <h2 id="documents">Documents</h2>
        <table id="document-list">
          <tr><th>Document</th><th>File</th></tr>
          <xsl:for-each select="$mdv/def:leaf">
            <tr><td><xsl:value-of select="def:title"/></td><td><xsl:apply-templates select="." mode="link"/></td></tr>
          </xsl:for-each>
        </table>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="def:leaf" mode="link">
    <a href="{@xlink:href}"><xsl:value-of select="@xlink:href"/></a>
  </xsl:template>

  <xsl:template match="odm:CodeListRef">
    <xsl:variable name="list" select="key('codelist', @CodeListOID)"/>
    <a href="#{@CodeListOID}"><xsl:value-of select="$list/@Name"/></a>
    <xsl:if test="count($list/odm:CodeListItem | $list/odm:EnumeratedItem) &lt;= 5">
      <span class="muted">
        <xsl:text> (</xsl:text>
        <xsl:for-each select="$list/odm:CodeListItem | $list/odm:EnumeratedItem">
          <xsl:value-of select="@CodedValue"/><xsl:if test="position() != last()">, </xsl:if>
        </xsl:for-each>
        <xsl:text>)</xsl:text>
      </span>
    </xsl:if>
  </xsl:template>

  <xsl:template match="def:Origin">
    <xsl:value-of select="@Type"/>
    <xsl:if test="@Source"> (<xsl:value-of select="@Source"/>)</xsl:if>
    <xsl:if test="odm:Description"> <xsl:text> </xsl:text><xsl:value-of select="odm:Description/odm:TranslatedText"/></xsl:if>
    <xsl:apply-templates select="def:DocumentRef"/>
  </xsl:template>

  <xsl:template match="def:DocumentRef">
    <xsl:variable name="leaf" select="key('leaf', @leafID)"/>
    <div>
      <a href="{$leaf/@xlink:href}"><xsl:value-of select="$leaf/def:title"/></a>
      <xsl:for-each select="def:PDFPageRef">
        <xsl:text> </xsl:text>
        <xsl:choose>
          <xsl:when test="@Type='PhysicalRef'">p. <a href="{$leaf/@xlink:href}#page={@PageRefs}"><xsl:value-of select="@PageRefs"/></a></xsl:when>
          <xsl:otherwise><a href="{$leaf/@xlink:href}#{@PageRefs}"><xsl:value-of select="@PageRefs"/></a></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </div>
  </xsl:template>

  <xsl:template match="odm:MethodDef" mode="inline">
    <div><a href="#{@OID}"><xsl:value-of select="@Name"/></a>: <xsl:value-of select="odm:Description/odm:TranslatedText"/></div>
  </xsl:template>

  <xsl:template match="def:CommentDef" mode="inline">
    <div class="muted"><xsl:value-of select="odm:Description/odm:TranslatedText"/></div>
  </xsl:template>

  <xsl:template match="def:WhereClauseDef">
    <xsl:for-each select="odm:RangeCheck">
      <xsl:value-of select="key('item', @def:ItemOID)/@Name"/>
      <xsl:text> </xsl:text><xsl:value-of select="@Comparator"/><xsl:text> </xsl:text>
      <xsl:for-each select="odm:CheckValue"><xsl:value-of select="."/><xsl:if test="position() != last()">, </xsl:if></xsl:for-each>
      <xsl:if test="position() != last()"> and </xsl:if>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
