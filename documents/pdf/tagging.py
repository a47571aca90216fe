"""One structure tree for the pack (PDF/UA): the parts' own trees grafted into it, and what
has no tags of its own marked up.

WeasyPrint tags each part (contents, agenda or minutes, memos, overview) when it renders it.
Merging pages alone would drop those trees, so while the pack is put together each part's
tree is copied under the pack's Document element (its own Document becomes a Part), with
the numbers that tie page content and annotations to it (/StructParents, /StructParent and
the ParentTree, a number tree) moved past the ones already taken. A tagged attachment is
grafted the same way under its Bilag; an untagged one becomes one Figure per page whose
alternative text names it; a placeholder page gets a heading and paragraphs. Stamps and
footers are pagination artifacts (stamp.py), so nothing in the pack is left unmarked.
"""

from collections.abc import Iterable

import pikepdf
from pikepdf import Array, Dictionary, Name

FIGURE_CONTENT = (b"/Figure <</MCID 0>> BDC", b"EMC")
# The annotations a structure element can stand for, by subtype; Popup windows belong to
# their parent annotation, and PrinterMark is not content (PDF/UA-1, 7.18.1).
ANNOTATION_ROLES = {"/Link": "Link", "/Widget": "Form"}
UNTAGGED_ANNOTATIONS = {"/Popup", "/PrinterMark"}


def is_tagged(pdf: pikepdf.Pdf) -> bool:
    """Whether `pdf` has a structure tree worth keeping: elements and a ParentTree that ties
    its page content to them."""
    root = pdf.Root.get("/StructTreeRoot")
    return (isinstance(root, Dictionary) and root.get("/K") is not None
            and isinstance(root.get("/ParentTree"), Dictionary))


class StructureTree:
    """The pack's structure tree, built while its pages are put together; `finish` writes it
    into the catalog."""

    def __init__(self, out: pikepdf.Pdf):
        self.out = out
        self.root = out.make_indirect(Dictionary(Type=Name.StructTreeRoot, K=Array()))
        self.document = self.element("Document", self.root)
        self.parent_tree: dict[int, pikepdf.Object] = {}
        self.next_key = 0
        self.role_map = Dictionary()
        self.class_map = Dictionary()
        self.ids: dict[str, pikepdf.Object] = {}  # the IDTree: elements by /ID (table headers)

    def element(self, role: str, parent: pikepdf.Object, *, at: int | None = None,
                **entries) -> pikepdf.Object:
        """A new structure element under `parent` (last, or at index `at`)."""
        element = self.out.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + role),
                                                    P=parent, K=Array(), **entries))
        if at is None:
            parent.K.append(element)
        else:
            parent.K.insert(at, element)
        return element

    def _key(self, value: pikepdf.Object) -> int:
        key = self.next_key
        self.parent_tree[key] = value
        self.next_key += 1
        return key

    def graft(self, source: pikepdf.Pdf, pages: list[pikepdf.Page], parent: pikepdf.Object, *,
              at: int | None = None, lang: str = "da") -> None:
        """Copy the structure tree of `source`, whose `pages` were just added to the pack,
        under `parent`. Call is_tagged(source) first."""
        source_root = source.Root.StructTreeRoot
        kids = source_root.K
        # A bare MCID or object reference at the root level has nothing to copy.
        kids = [k for k in (kids if isinstance(kids, Array) else [kids])
                if isinstance(k, Dictionary)]
        for kid in kids:
            if "/P" in kid:
                del kid.P  # else the source's root, and all it holds, would come along
        # One copy of the whole ParentTree (the elements come with it), then its keys moved.
        parent_tree = source_root.ParentTree
        if not parent_tree.is_indirect:
            parent_tree = source_root.ParentTree = source.make_indirect(parent_tree)
        entries = dict(pikepdf.NumberTree(self.out.copy_foreign(parent_tree)).items())
        offset = self.next_key
        seen: set = set()  # an annotation or form can be on several pages: move it once
        for page in pages:
            _shift(page.obj, offset, seen=seen)
        for name, mapping in (("/RoleMap", self.role_map), ("/ClassMap", self.class_map)):
            theirs = source_root.get(name)
            if isinstance(theirs, Dictionary):
                for key, value in theirs.items():
                    if key not in mapping:
                        mapping[key] = _copy_direct(self.out, value)
        source_lang = str(source.Root.get("/Lang", "")) or None
        copied = []
        for kid in kids:
            copy = self.out.copy_foreign(kid)  # already copied with the ParentTree, mostly
            copy.P = parent
            if self._role(copy) == "/Document":
                copy.S = Name.Part
            if source_lang and source_lang.lower() != lang and "/Lang" not in copy:
                copy.Lang = pikepdf.String(source_lang)
            copied.append(copy)
        position = len(parent.K) if at is None else at
        for index, copy in enumerate(copied):
            parent.K.insert(position + index, copy)
        for key, value in entries.items():
            self.parent_tree[int(key) + offset] = value
        next_key = max((int(k) for k in entries), default=-1) + 1
        self.next_key = offset + max(next_key, int(source_root.get("/ParentTreeNextKey", 0)))
        id_tree = source_root.get("/IDTree")
        if isinstance(id_tree, Dictionary):
            for name, element in pikepdf.NameTree(id_tree).items():
                if name not in self.ids and isinstance(element, Dictionary):
                    self.ids[name] = self.out.copy_foreign(element) if element.is_indirect \
                        else element  # the first part to use an ID keeps it
        for page in pages:  # annotations the source left out of its tree
            self._annotations(page, parent, description="", untagged_only=True)

    def _role(self, element: pikepdf.Object) -> str:
        role = str(element.get("/S", ""))
        mapped = self.role_map.get(role)
        return str(mapped) if mapped is not None else role

    def figures(self, pages: list[pikepdf.Page], parent: pikepdf.Object,
                alts: list[str]) -> None:
        """Untagged pages: each page's content is one Figure with its alternative text;
        their annotations get elements of their own. The content itself is marked by the
        caller, with FIGURE_CONTENT around it."""
        for page, text in zip(pages, alts, strict=True):
            if "/StructParents" in page.obj:
                del page.obj.StructParents  # left over from tags that are gone
            figure = self.element("Figure", parent, Alt=pikepdf.String(text),
                                  A=Dictionary(O=Name.Layout, BBox=_bbox(page)))
            figure.K = Array([Dictionary(Type=Name.MCR, Pg=page.obj, MCID=0)])
            page.obj.StructParents = self._key(Array([figure]))
            self._annotations(page, parent, description=text)

    def marked_page(self, page: pikepdf.Page, parent: pikepdf.Object, roles: list[str]) -> None:
        """A page we wrote ourselves, whose content carries MCIDs 0, 1, … for `roles`."""
        elements = []
        for mcid, role in enumerate(roles):
            element = self.element(role, parent)
            element.K = Array([Dictionary(Type=Name.MCR, Pg=page.obj, MCID=mcid)])
            elements.append(element)
        page.obj.StructParents = self._key(Array(elements))

    def _annotations(self, page: pikepdf.Page, parent: pikepdf.Object, *,
                     description: str, untagged_only: bool = False) -> None:
        """An element (Link, Form, Annot) for each annotation of `page`; with
        `untagged_only`, for those that no element claims yet."""
        annotations = page.obj.get("/Annots")
        if not isinstance(annotations, Array):
            return
        for annotation in annotations:
            if not isinstance(annotation, Dictionary) or not annotation.is_indirect:
                continue
            if untagged_only and "/StructParent" in annotation:
                continue
            subtype = str(annotation.get("/Subtype", ""))
            if subtype in UNTAGGED_ANNOTATIONS:
                continue
            element = self.element(ANNOTATION_ROLES.get(subtype, "Annot"), parent)
            element.K = Array([Dictionary(Type=Name.OBJR, Obj=annotation, Pg=page.obj)])
            annotation.StructParent = self._key(element)
            if not str(annotation.get("/Contents", "")).strip():
                action = annotation.get("/A")
                uri = action.get("/URI") if isinstance(action, Dictionary) else None
                annotation.Contents = pikepdf.String(str(uri) if uri else (
                    description or str(subtype).lstrip("/")))
        page.obj.Tabs = Name.S

    def finish(self, *, lang: str = "da") -> None:
        tree = pikepdf.NumberTree.new(self.out)
        for key in sorted(self.parent_tree):
            tree[key] = self.parent_tree[key]
        self.root.ParentTree = tree.obj
        self.root.ParentTreeNextKey = self.next_key
        if len(self.role_map):
            self.root.RoleMap = self.role_map
        if len(self.class_map):
            self.root.ClassMap = self.class_map
        if self.ids:
            ids = pikepdf.NameTree.new(self.out)
            for name, element in sorted(self.ids.items()):
                ids[name] = element
            self.root.IDTree = ids.obj
        self.out.Root.StructTreeRoot = self.root
        self.out.Root.MarkInfo = Dictionary(Marked=True)
        self.out.Root.Lang = pikepdf.String(lang)
        for page in self.out.pages:
            if "/Annots" in page.obj:
                page.obj.Tabs = Name.S  # tab through annotations in structure order


def _shift(obj: pikepdf.Object, offset: int, *, seen: set) -> None:
    """Move the ParentTree keys that a page, its annotations and its form XObjects (nested
    too) hold by `offset`."""
    if "/StructParents" in obj:
        obj.StructParents = int(obj.StructParents) + offset
    for annotation in _iter(obj.get("/Annots")):
        if (isinstance(annotation, Dictionary) and "/StructParent" in annotation
                and annotation.objgen not in seen):
            seen.add(annotation.objgen)
            annotation.StructParent = int(annotation.StructParent) + offset
    resources = obj.get("/Resources")
    xobjects = resources.get("/XObject") if isinstance(resources, Dictionary) else None
    if not isinstance(xobjects, Dictionary):
        return
    for _name, xobject in xobjects.items():
        if not isinstance(xobject, pikepdf.Stream) or xobject.objgen in seen:
            continue
        seen.add(xobject.objgen)
        if "/StructParent" in xobject:  # an image or form that is one element's content
            xobject.StructParent = int(xobject.StructParent) + offset
        if xobject.get("/Subtype") == Name.Form:
            _shift(xobject, offset, seen=seen)


def _iter(value) -> Iterable:
    return value if isinstance(value, Array) else ()


def _bbox(page: pikepdf.Page) -> Array:
    box = page.obj.get("/CropBox") or page.mediabox
    return Array([float(v) for v in box])


def _copy_direct(out: pikepdf.Pdf, value):
    """A value from another PDF, with the indirect objects inside it copied."""
    if isinstance(value, pikepdf.Object) and value.is_indirect:
        return out.copy_foreign(value)
    if isinstance(value, Array):
        return Array([_copy_direct(out, v) for v in value])
    if isinstance(value, Dictionary):
        return Dictionary({k: _copy_direct(out, v) for k, v in value.items()})
    return value
