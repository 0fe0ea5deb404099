<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ActionSet</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="102"/>
        <source>&amp;New briefing</source>
        <translation>Tài liệu &amp;mới</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="102"/>
        <source>Start an empty briefing</source>
        <translation>Bắt đầu một tài liệu trống</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="105"/>
        <source>&amp;Open…</source>
        <translation>&amp;Mở…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="106"/>
        <source>Open source files or a .briefing project</source>
        <translation>Mở văn bản nguồn hoặc tệp dự án .briefing</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="111"/>
        <source>Open with &amp;encoding…</source>
        <translation>Mở theo &amp;bảng mã…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="112"/>
        <source>Open text files whose encoding was not recognised (TCVN3, VNI…)</source>
        <translation>Mở tệp văn bản có bảng mã không tự nhận ra được (TCVN3, VNI…)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="116"/>
        <source>&amp;Paste as new source</source>
        <translation>&amp;Dán làm văn bản nguồn mới</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="117"/>
        <source>Add the text on the clipboard as a source</source>
        <translation>Thêm văn bản trong bộ nhớ tạm làm văn bản nguồn</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="122"/>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="122"/>
        <source>Save the briefing (.briefing)</source>
        <translation>Lưu tài liệu (.briefing)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="125"/>
        <source>Save &amp;as…</source>
        <translation>Lưu &amp;thành…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="126"/>
        <source>Save the briefing under another name</source>
        <translation>Lưu tài liệu với tên khác</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="131"/>
        <source>&amp;Export…</source>
        <translation>&amp;Xuất…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="132"/>
        <source>Write the briefing as DOCX and/or PDF</source>
        <translation>Xuất tài liệu ra DOCX và/hoặc PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="137"/>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="137"/>
        <source>Print the briefing</source>
        <translation>In tài liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="140"/>
        <source>Print pre&amp;view…</source>
        <translation>&amp;Xem trước khi in…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="140"/>
        <source>See the printed pages first</source>
        <translation>Xem trước các trang sẽ in</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="143"/>
        <source>&amp;Verify signatures…</source>
        <translation>Kiểm tra &amp;chữ ký…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="144"/>
        <source>Check the digital signatures of a PDF</source>
        <translation>Kiểm tra chữ ký số của một tệp PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="148"/>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="148"/>
        <source>Close Briefing Studio</source>
        <translation>Đóng Briefing Studio</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="150"/>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="215"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="152"/>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>Hoàn tác thay đổi vừa rồi (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="153"/>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="216"/>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="155"/>
        <source>Redo the change (Ctrl+Shift+Z or Ctrl+Y)</source>
        <translation>Làm lại thay đổi (Ctrl+Shift+Z hoặc Ctrl+Y)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="159"/>
        <source>Select &amp;all</source>
        <translation>Chọn &amp;tất cả</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="160"/>
        <source>Tick every section and figure</source>
        <translation>Chọn mọi đoạn và mọi số liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="165"/>
        <source>Select &amp;none</source>
        <translation>&amp;Bỏ chọn tất cả</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="166"/>
        <source>Untick every section and figure</source>
        <translation>Bỏ chọn mọi đoạn và mọi số liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="171"/>
        <source>S&amp;uggest</source>
        <translation>&amp;Gợi ý</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="172"/>
        <source>Tick what is relevant to the counterpart</source>
        <translation>Chọn những nội dung liên quan đến đối tác</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="177"/>
        <source>&amp;Find…</source>
        <translation>T&amp;ìm…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="177"/>
        <source>Search the sections (Ctrl+F)</source>
        <translation>Tìm trong các đoạn (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="180"/>
        <source>Find &amp;names again</source>
        <translation>Tìm lại &amp;tên riêng</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="181"/>
        <source>Recognise people, organisations and places</source>
        <translation>Nhận dạng tên người, tổ chức và địa danh</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="185"/>
        <source>&amp;Manage templates…</source>
        <translation>&amp;Quản lý mẫu…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="186"/>
        <source>Customise, edit, import and share templates</source>
        <translation>Tùy biến, sửa, nhập và chia sẻ mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="190"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Cài đặt…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="191"/>
        <source>Language, templates folder, agency</source>
        <translation>Ngôn ngữ, thư mục mẫu, cơ quan ban hành</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="196"/>
        <source>Template &amp;reference</source>
        <translation>Tài liệu &amp;hướng dẫn soạn mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="197"/>
        <source>Tags, style classes, variables and filters for template editors</source>
        <translation>Thẻ, lớp kiểu, biến và bộ lọc dành cho người soạn mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="201"/>
        <source>User &amp;guide</source>
        <translation>&amp;Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="202"/>
        <source>From sources to an exported briefing, Suggest, recovering work (F1)</source>
        <translation>Từ văn bản nguồn đến tài liệu xuất ra, nút Gợi ý, khôi phục phần việc (F1)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="207"/>
        <source>&amp;About Briefing Studio</source>
        <translation>&amp;Giới thiệu Briefing Studio</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="208"/>
        <source>Versions of the app and its libraries</source>
        <translation>Phiên bản của ứng dụng và các thư viện</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="228"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="229"/>
        <source>Open &amp;recent</source>
        <translation>Mở &amp;gần đây</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="244"/>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="252"/>
        <source>Te&amp;mplates</source>
        <translation>&amp;Mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="254"/>
        <source>&amp;Tools</source>
        <translation>&amp;Công cụ</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="256"/>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="258"/>
        <source>Main</source>
        <translation>Thanh công cụ chính</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="284"/>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_actions.py" line="287"/>
        <source>Clear the list</source>
        <translation>Xóa danh sách</translation>
    </message>
</context>
<context>
    <name>ArrangeModel</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/arrange_panel.py" line="64"/>
        <source>Section</source>
        <translation>Đoạn</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/arrange_panel.py" line="64"/>
        <source>Slot</source>
        <translation>Mục</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/arrange_panel.py" line="95"/>
        <source>Double-click or press F2 to put this section in another slot</source>
        <translation>Nhấp đúp hoặc nhấn F2 để đưa đoạn này vào mục khác</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/arrange_panel.py" line="110"/>
        <source>auto: {0}</source>
        <translation>tự động: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/arrange_panel.py" line="110"/>
        <source>auto</source>
        <translation>tự động</translation>
    </message>
</context>
<context>
    <name>ArrangePanel</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/arrange_panel.py" line="241"/>
        <source>Order of the chosen sections</source>
        <translation>Thứ tự các đoạn đã chọn</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/arrange_panel.py" line="249"/>
        <location filename="../../desktop/briefing_studio/ui/arrange_panel.py" line="260"/>
        <source>Move up</source>
        <translation>Lên trên</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/arrange_panel.py" line="252"/>
        <source>Move the section up in the briefing (Alt+Up)</source>
        <translation>Đưa đoạn lên trên trong tài liệu (Alt+Mũi tên lên)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/arrange_panel.py" line="255"/>
        <location filename="../../desktop/briefing_studio/ui/arrange_panel.py" line="260"/>
        <source>Move down</source>
        <translation>Xuống dưới</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/arrange_panel.py" line="258"/>
        <source>Move the section down in the briefing (Alt+Down)</source>
        <translation>Đưa đoạn xuống dưới trong tài liệu (Alt+Mũi tên xuống)</translation>
    </message>
</context>
<context>
    <name>BriefingState</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/state.py" line="191"/>
        <source>Tick section</source>
        <translation>Chọn đoạn</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/state.py" line="194"/>
        <source>Untick section</source>
        <translation>Bỏ chọn đoạn</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/state.py" line="204"/>
        <source>Tick figure</source>
        <translation>Chọn số liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/state.py" line="207"/>
        <source>Untick figure</source>
        <translation>Bỏ chọn số liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/state.py" line="216"/>
        <source>Select all</source>
        <translation>Chọn tất cả</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/state.py" line="219"/>
        <source>Select none</source>
        <translation>Bỏ chọn tất cả</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/state.py" line="247"/>
        <source>Suggest</source>
        <translation>Gợi ý</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/state.py" line="257"/>
        <source>Move section</source>
        <translation>Chuyển đoạn</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/state.py" line="265"/>
        <source>Change slot</source>
        <translation>Đổi mục</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/state.py" line="274"/>
        <source>Edit meeting details</source>
        <translation>Sửa thông tin buổi làm việc</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/state.py" line="289"/>
        <source>Edit figure text</source>
        <translation>Sửa cách ghi số liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/state.py" line="297"/>
        <source>Change counterpart</source>
        <translation>Đổi đối tác</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/state.py" line="305"/>
        <source>Change template</source>
        <translation>Đổi mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/state.py" line="316"/>
        <source>Add sources</source>
        <translation>Thêm văn bản nguồn</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/state.py" line="331"/>
        <source>Remove source</source>
        <translation>Bỏ văn bản nguồn</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/date_field.py" line="95"/>
        <source>Calendar</source>
        <translation>Lịch</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/date_field.py" line="96"/>
        <source>Choose on a calendar (Alt+Down)</source>
        <translation>Chọn trên lịch (Alt+Mũi tên xuống)</translation>
    </message>
</context>
<context>
    <name>DraftPreview</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="120"/>
        <source>Showing the last version that worked.</source>
        <translation>Đang hiển thị phiên bản chạy được gần nhất.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="124"/>
        <source>Loading the sample texts…</source>
        <translation>Đang nạp các văn bản mẫu…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="145"/>
        <source>Updating…</source>
        <translation>Đang cập nhật…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="150"/>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="165"/>
        <source>Unexpected error: {0}</source>
        <translation>Lỗi không mong đợi: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="166"/>
        <source>Cannot show the preview: {0}</source>
        <translation>Không hiển thị được bản xem trước: {0}</translation>
    </message>
</context>
<context>
    <name>EntitiesPanel</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/entities_panel.py" line="25"/>
        <source>People</source>
        <translation>Người</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/entities_panel.py" line="26"/>
        <source>Organisations</source>
        <translation>Tổ chức</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/entities_panel.py" line="27"/>
        <source>Countries</source>
        <translation>Quốc gia</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/entities_panel.py" line="28"/>
        <source>Provinces</source>
        <translation>Tỉnh, thành phố</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/entities_panel.py" line="29"/>
        <source>Places</source>
        <translation>Địa danh</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/entities_panel.py" line="34"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/entities_panel.py" line="34"/>
        <source>Mentions</source>
        <translation>Số lần nêu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/entities_panel.py" line="36"/>
        <source>Double-click a name to show where it is mentioned</source>
        <translation>Nhấp đúp vào một tên để xem chỗ được nhắc đến</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/entities_panel.py" line="77"/>
        <source>{0} (now part of {1})</source>
        <translation>{0} (nay thuộc {1})</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/entities_panel.py" line="81"/>
        <source>Also written: {0}</source>
        <translation>Còn viết là: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/entities_panel.py" line="84"/>
        <source>Merged into {0} on 1 July 2025</source>
        <translation>Sáp nhập vào {0} từ ngày 1/7/2025</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/entities_panel.py" line="93"/>
        <source>No names found.</source>
        <translation>Không tìm thấy tên riêng nào.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="85"/>
        <source>Check before exporting:</source>
        <translation>Kiểm tra trước khi xuất:</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="50"/>
        <source>Export briefing</source>
        <translation>Xuất tài liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="52"/>
        <source>The folder the files are written to</source>
        <translation>Thư mục lưu các tệp xuất ra</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="53"/>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="120"/>
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="54"/>
        <source>Choose the folder</source>
        <translation>Chọn thư mục</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="69"/>
        <source>File name without .docx / .pdf</source>
        <translation>Tên tệp, không kèm .docx / .pdf</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="71"/>
        <source>Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="72"/>
        <source>Formats</source>
        <translation>Định dạng</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="73"/>
        <source>File name</source>
        <translation>Tên tệp</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="78"/>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="167"/>
        <source>Export to folder</source>
        <translation>Xuất vào thư mục</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="178"/>
        <source>Choose a folder and a file name without / \ : * ? &quot; &lt; &gt; |.</source>
        <translation>Hãy chọn thư mục và đặt tên tệp không chứa / \ : * ? &quot; &lt; &gt; |.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="199"/>
        <source>Replace the existing files?
{0}</source>
        <translation>Ghi đè các tệp đã có?
{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="212"/>
        <source>Export finished</source>
        <translation>Đã xuất xong</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="214"/>
        <source>Written:
{0}</source>
        <translation>Đã ghi:
{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="219"/>
        <source>Open folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="222"/>
        <source>Open file</source>
        <translation>Mở tệp</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="239"/>
        <source>Cannot open</source>
        <translation>Không mở được</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="241"/>
        <source>This computer has no program set up to open it. Open it yourself from here:

{0}</source>
        <translation>Máy này chưa có chương trình để mở. Hãy tự mở theo đường dẫn sau:

{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="249"/>
        <source>Copy the path</source>
        <translation>Chép đường dẫn</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="253"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="155"/>
        <source>Certificate file</source>
        <translation>Tệp chứng thư số</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="116"/>
        <source>Certificate file (.p12/.pfx)</source>
        <translation>Tệp chứng thư số (.p12/.pfx)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="157"/>
        <source>Certificates (*.p12 *.pfx)</source>
        <translation>Chứng thư số (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="182"/>
        <source>Choose at least one format.</source>
        <translation>Hãy chọn ít nhất một định dạng.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="187"/>
        <source>Choose the certificate file to sign with.</source>
        <translation>Hãy chọn tệp chứng thư số dùng để ký.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="114"/>
        <source>Sign the PDF files digitally after export</source>
        <translation>Ký số các tệp PDF sau khi xuất</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="130"/>
        <source>Signature</source>
        <translation>Chữ ký số</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="128"/>
        <source>The PIN is asked when signing and never stored</source>
        <translation>Mã PIN được hỏi khi ký và không bao giờ được lưu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="119"/>
        <source>The password is asked when signing and never stored</source>
        <translation>Mật khẩu được hỏi khi ký và không bao giờ được lưu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="126"/>
        <source>USB token set in Settings</source>
        <translation>Token USB đã chọn trong Cài đặt</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/export_dialog.py" line="115"/>
        <source>Writes NAME-signed.pdf beside each PDF</source>
        <translation>Ghi tệp TÊN-signed.pdf bên cạnh mỗi tệp PDF</translation>
    </message>
</context>
<context>
    <name>FigureCheckDialog</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/figure_check.py" line="50"/>
        <source>Check the figures</source>
        <translation>Kiểm tra số liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/figure_check.py" line="54"/>
        <source>These figures may need a look before the briefing goes out. Click a place to see it in the source text; accept an item to keep it as it is.</source>
        <translation>Các số liệu sau cần xem lại trước khi gửi tài liệu. Bấm vào một vị trí để xem trong văn bản nguồn; chấp nhận một mục để giữ nguyên.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/figure_check.py" line="79"/>
        <source>Accept</source>
        <translation>Chấp nhận</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/figure_check.py" line="81"/>
        <source>Keep this item as it is; the project notes it and does not list it again</source>
        <translation>Giữ nguyên mục này; dự án ghi lại và không nêu lại nữa</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/figure_check.py" line="87"/>
        <source>Export anyway</source>
        <translation>Vẫn xuất tài liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/figure_check.py" line="106"/>
        <source>In the briefing: “{0}”</source>
        <translation>Trong tài liệu: “{0}”</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/figure_check.py" line="108"/>
        <source>, section {0} of the briefing order</source>
        <translation>, đoạn thứ {0} trong thứ tự tài liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/figure_check.py" line="114"/>
        <source>Show the figure&apos;s row in the briefing order and its wording to fix it</source>
        <translation>Hiện dòng của số liệu trong thứ tự tài liệu và cách ghi của nó để sửa</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/figure_check.py" line="133"/>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
</context>
<context>
    <name>FiguresModel</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/figures_panel.py" line="79"/>
        <source>Figure</source>
        <translation>Số liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/figures_panel.py" line="80"/>
        <source>In the briefing</source>
        <translation>Trong tài liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/figures_panel.py" line="82"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/figures_panel.py" line="83"/>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/figures_panel.py" line="84"/>
        <source>Qualifier</source>
        <translation>Từ định lượng</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/figures_panel.py" line="85"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/figures_panel.py" line="247"/>
        <source>Click to see it in the source text.</source>
        <translation>Bấm để xem câu này trong văn bản nguồn.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/figures_panel.py" line="81"/>
        <source>Relevance</source>
        <translation>Liên quan</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/figures_panel.py" line="86"/>
        <source>Sentence</source>
        <translation>Câu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/figures_panel.py" line="231"/>
        <source>Your own wording of this figure; the figure check compares it with the source (“{0}”). Empty it to go back to the written-out figure.</source>
        <translation>Cách ghi số liệu do bạn sửa; bước kiểm tra số liệu so nó với nguồn (“{0}”). Xóa trống để trở lại cách ghi tự động.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/figures_panel.py" line="235"/>
        <source>How the briefing writes this figure. Double-click (or F2) to write it another way.</source>
        <translation>Cách tài liệu ghi số liệu này. Bấm đúp (hoặc F2) để ghi khác đi.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/figures_panel.py" line="242"/>
        <source>{0}: now part of {1} (merger of 1 July 2025)</source>
        <translation>{0}: nay thuộc {1} (sáp nhập từ ngày 1/7/2025)</translation>
    </message>
</context>
<context>
    <name>FiguresPanel</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/figures_panel.py" line="324"/>
        <source>Filter: tỷ USD,  &gt; 1 tỷ,  &lt; 500 triệu đồng</source>
        <translation>Lọc: tỷ USD,  &gt; 1 tỷ,  &lt; 500 triệu đồng</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/figures_panel.py" line="325"/>
        <source>Filter the figures</source>
        <translation>Lọc số liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/figures_panel.py" line="327"/>
        <source>Words keep the figures that contain them (with or without diacritics); &gt; 1 tỷ, &lt; 500 triệu, &gt;= 12,4 compare the value; both can be combined.</source>
        <translation>Gõ chữ để giữ các số liệu có chữ đó (có dấu hay không dấu đều được); &gt; 1 tỷ, &lt; 500 triệu, &gt;= 12,4 so sánh giá trị; có thể kết hợp cả hai.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/figures_panel.py" line="359"/>
        <source>Figures</source>
        <translation>Số liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/figures_panel.py" line="362"/>
        <source>Click a figure&apos;s sentence, double-click its row or press Enter to see it in the source text.</source>
        <translation>Bấm vào câu của số liệu, bấm đúp vào dòng hoặc nhấn Enter để xem nó trong văn bản nguồn.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/figures_panel.py" line="394"/>
        <source>{0} of {1}</source>
        <translation>{0}/{1}</translation>
    </message>
</context>
<context>
    <name>FileWorkflow</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_files.py" line="117"/>
        <source>Briefing Studio did not close properly last time. Restore the unsaved changes to “{0}”?</source>
        <translation>Lần trước Briefing Studio không đóng bình thường. Khôi phục những thay đổi chưa lưu của “{0}”?</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_files.py" line="122"/>
        <source>Briefing Studio did not close properly last time. Restore the briefing that was being edited?</source>
        <translation>Lần trước Briefing Studio không đóng bình thường. Khôi phục tài liệu đang soạn dở?</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_files.py" line="127"/>
        <source>Restore unsaved work?</source>
        <translation>Khôi phục phần việc chưa lưu?</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_files.py" line="160"/>
        <source>Opening the sample texts</source>
        <translation>Đang mở các văn bản mẫu</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/briefing_studio/ui/window_files.py" line="223"/>
        <source>Opening %n file(s)</source>
        <translation>
            <numerusform>Đang mở %n tệp</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_files.py" line="230"/>
        <source>Some files could not be opened</source>
        <translation>Không mở được một số tệp</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_files.py" line="238"/>
        <source>Sources and briefings ({0})</source>
        <translation>Văn bản nguồn và tài liệu ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_files.py" line="239"/>
        <source>Sources ({0})</source>
        <translation>Văn bản nguồn ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_files.py" line="240"/>
        <location filename="../../desktop/briefing_studio/ui/window_files.py" line="353"/>
        <source>Briefings ({0})</source>
        <translation>Tài liệu ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_files.py" line="241"/>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_files.py" line="247"/>
        <location filename="../../desktop/briefing_studio/ui/window_files.py" line="269"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_files.py" line="258"/>
        <source>Open with encoding</source>
        <translation>Mở theo bảng mã</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_files.py" line="259"/>
        <source>Encoding of the text files:</source>
        <translation>Bảng mã của các tệp văn bản:</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_files.py" line="271"/>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Tệp văn bản (*.txt);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_files.py" line="283"/>
        <source>The clipboard holds no text.</source>
        <translation>Bộ nhớ tạm không có văn bản.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_files.py" line="286"/>
        <source>Pasted text {0}</source>
        <translation>Văn bản dán {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_files.py" line="303"/>
        <source>Analysing the pasted text</source>
        <translation>Đang phân tích văn bản vừa dán</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_files.py" line="337"/>
        <source>Opening the briefing</source>
        <translation>Đang mở tài liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_files.py" line="351"/>
        <source>Save briefing</source>
        <translation>Lưu tài liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_files.py" line="381"/>
        <source>Saved {0}</source>
        <translation>Đã lưu {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_files.py" line="390"/>
        <source>Unsaved changes</source>
        <translation>Thay đổi chưa lưu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_files.py" line="391"/>
        <source>The briefing has changes that are not saved. Save them?</source>
        <translation>Tài liệu có thay đổi chưa được lưu. Lưu lại không?</translation>
    </message>
</context>
<context>
    <name>LanguageSwitch</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/language_switch.py" line="45"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/language_switch.py" line="46"/>
        <source>The new language applies when Briefing Studio starts again.</source>
        <translation>Ngôn ngữ mới có hiệu lực khi khởi động lại Briefing Studio.</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="131"/>
        <source>Search the library: with or without accents, &quot;a phrase&quot;</source>
        <translation>Tìm trong thư viện: gõ có dấu hay không dấu, &quot;cụm từ&quot;</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="133"/>
        <source>Search the library</source>
        <translation>Tìm trong thư viện</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="136"/>
        <source>Country or province</source>
        <translation>Quốc gia hoặc tỉnh, thành phố</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="137"/>
        <source>Counterpart</source>
        <translation>Đối tác</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="138"/>
        <source>from any year</source>
        <translation>từ năm bất kỳ</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="139"/>
        <source>to any year</source>
        <translation>đến năm bất kỳ</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="141"/>
        <source>Figure kind</source>
        <translation>Loại số liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="142"/>
        <source>any figure</source>
        <translation>mọi số liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="144"/>
        <source>money</source>
        <translation>tiền</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="145"/>
        <source>percent</source>
        <translation>tỷ lệ</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="146"/>
        <source>count</source>
        <translation>số lượng</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="147"/>
        <source>measure</source>
        <translation>đo lường</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="148"/>
        <source>ratio</source>
        <translation>tỷ số</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="149"/>
        <source>date</source>
        <translation>thời gian</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="154"/>
        <source>Figures, e.g. tỷ USD &gt; 1</source>
        <translation>Số liệu, ví dụ: tỷ USD &gt; 1</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="155"/>
        <source>Figure filter</source>
        <translation>Lọc số liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="158"/>
        <source>Library results</source>
        <translation>Kết quả trong thư viện</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="162"/>
        <source>Paragraph</source>
        <translation>Đoạn văn</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="164"/>
        <source>Add this paragraph to the briefing</source>
        <translation>Thêm đoạn này vào tài liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="165"/>
        <source>Adds the paragraph and its source (↵ Enter key)</source>
        <translation>Thêm đoạn văn cùng nguồn của nó (phím ↵)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="170"/>
        <source>Watched folders…</source>
        <translation>Thư mục theo dõi…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="172"/>
        <source>Scan now</source>
        <translation>Quét ngay</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="173"/>
        <source>Add new and changed files of the watched folders</source>
        <translation>Thêm các tệp mới và tệp đã sửa trong thư mục theo dõi</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="305"/>
        <source>%n paragraph(s) found</source>
        <translation>
            <numerusform>Tìm thấy %n đoạn</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="312"/>
        <source>Nothing found in the library.</source>
        <translation>Không tìm thấy gì trong thư viện.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="335"/>
        <source>Figures in this paragraph</source>
        <translation>Số liệu trong đoạn này</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="364"/>
        <source>Added to the briefing.</source>
        <translation>Đã thêm vào tài liệu.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="367"/>
        <source>Adding a paragraph from the library</source>
        <translation>Đang thêm đoạn văn từ thư viện</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="404"/>
        <source>The library was updated.</source>
        <translation>Đã cập nhật thư viện.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="418"/>
        <source>Library update cancelled: the library is left as it was and is updated at the next search.</source>
        <translation>Đã huỷ cập nhật thư viện: thư viện được giữ nguyên và sẽ được cập nhật ở lần tìm kiếm sau.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="423"/>
        <source>Updating the library to this version…</source>
        <translation>Đang cập nhật thư viện lên phiên bản này…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="427"/>
        <source>Updating the library</source>
        <translation>Đang cập nhật thư viện</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="463"/>
        <source>Library: %1 added, %2 unchanged, %3 could not be read.</source>
        <translation>Thư viện: thêm %1, không đổi %2, không đọc được %3.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="481"/>
        <source>Scanning the watched folders</source>
        <translation>Đang quét các thư mục theo dõi</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/main_window.py" line="168"/>
        <source>Sources</source>
        <translation>Văn bản nguồn</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/main_window.py" line="179"/>
        <source>Text</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/main_window.py" line="180"/>
        <source>Figures</source>
        <translation>Số liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/main_window.py" line="181"/>
        <source>Names</source>
        <translation>Tên riêng</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/main_window.py" line="182"/>
        <source>Library</source>
        <translation>Thư viện</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/main_window.py" line="183"/>
        <source>Briefing order</source>
        <translation>Thứ tự trong tài liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/main_window.py" line="219"/>
        <source>Autosave failed: {0}</source>
        <translation>Không tự động lưu được: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/main_window.py" line="283"/>
        <source>Untitled</source>
        <translation>Chưa đặt tên</translation>
    </message>
</context>
<context>
    <name>ManifestForm</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="269"/>
        <source>Formats ticked by default when exporting, separated by commas: docx, pdf, pdf-a</source>
        <translation>Các định dạng được chọn sẵn khi xuất, cách nhau bằng dấu phẩy: docx, pdf, pdf-a</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="277"/>
        <source>(preset)</source>
        <translation>(theo khổ trang)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="295"/>
        <source>Names and page</source>
        <translation>Tên và trang</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="297"/>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="337"/>
        <source>Id</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="298"/>
        <source>Name (Vietnamese)</source>
        <translation>Tên (tiếng Việt)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="299"/>
        <source>Name (English)</source>
        <translation>Tên (tiếng Anh)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="300"/>
        <source>Description (Vietnamese)</source>
        <translation>Mô tả (tiếng Việt)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="301"/>
        <source>Description (English)</source>
        <translation>Mô tả (tiếng Anh)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="302"/>
        <source>Audience</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="303"/>
        <source>Page preset</source>
        <translation>Khổ trang</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="304"/>
        <source>Export formats</source>
        <translation>Định dạng xuất</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="306"/>
        <source>Margins (mm)</source>
        <translation>Lề (mm)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="309"/>
        <source>Top</source>
        <translation>Trên</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="310"/>
        <source>Bottom</source>
        <translation>Dưới</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="311"/>
        <source>Left</source>
        <translation>Trái</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="312"/>
        <source>Right</source>
        <translation>Phải</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="318"/>
        <source>Named styles</source>
        <translation>Kiểu định dạng</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="319"/>
        <source>Add…</source>
        <translation>Thêm…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="320"/>
        <source>Add a style class the markup can use</source>
        <translation>Thêm một lớp kiểu để dùng trong mã trình bày</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="322"/>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="352"/>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="334"/>
        <source>Slots</source>
        <translation>Các mục</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="338"/>
        <source>Name (vi)</source>
        <translation>Tên (vi)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="339"/>
        <source>Name (en)</source>
        <translation>Tên (en)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="340"/>
        <source>Cues</source>
        <translation>Dấu hiệu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="341"/>
        <source>Default</source>
        <translation>Mặc định</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="348"/>
        <source>Cues: comma-separated, from: {0}</source>
        <translation>Dấu hiệu, cách nhau bằng dấu phẩy, chọn trong: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="351"/>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="353"/>
        <source>Up</source>
        <translation>Lên</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="354"/>
        <source>Down</source>
        <translation>Xuống</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="471"/>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="480"/>
        <source>New style</source>
        <translation>Kiểu mới</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="472"/>
        <source>Name of the style class (lower-case letters, digits and &apos;-&apos;):</source>
        <translation>Tên lớp kiểu (chữ thường, chữ số và &apos;-&apos;):</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="482"/>
        <source>“{0}” cannot be a style name: use lower-case letters without accents, digits and &apos;-&apos;, starting with a letter.</source>
        <translation>“{0}” không dùng làm tên kiểu được: hãy dùng chữ thường không dấu, chữ số và &apos;-&apos;, bắt đầu bằng một chữ cái.</translation>
    </message>
</context>
<context>
    <name>MeetingPanel</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/meeting_panel.py" line="66"/>
        <source>The embassy&apos;s country or the province you meet; relevant sections get a ★</source>
        <translation>Quốc gia của Đại sứ quán hoặc tỉnh, thành phố làm việc; các đoạn liên quan được đánh dấu ★</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/meeting_panel.py" line="68"/>
        <source>e.g. Hàn Quốc, Bắc Giang</source>
        <translation>ví dụ: Hàn Quốc, Bắc Giang</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/meeting_panel.py" line="74"/>
        <source>Suggest</source>
        <translation>Gợi ý</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/meeting_panel.py" line="76"/>
        <source>Tick the sections and figures suggested for this counterpart (can be undone)</source>
        <translation>Chọn các đoạn và số liệu gợi ý cho đối tác này (có thể hoàn tác)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/meeting_panel.py" line="85"/>
        <source>Meeting</source>
        <translation>Buổi làm việc</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/meeting_panel.py" line="93"/>
        <source>Counterpart</source>
        <translation>Đối tác</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/meeting_panel.py" line="86"/>
        <source>Issuing agency</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/meeting_panel.py" line="218"/>
        <source>Choose a counterpart to rank the sections.</source>
        <translation>Chọn đối tác để xếp hạng mức liên quan của các đoạn.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/meeting_panel.py" line="223"/>
        <source>★ {0} sections and {1} figures are relevant to {2}.</source>
        <translation>★ {0} đoạn và {1} số liệu liên quan đến {2}.</translation>
    </message>
</context>
<context>
    <name>NameFinding</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/name_finding.py" line="69"/>
        <source>Finding names in “{0}”…</source>
        <translation>Đang tìm tên riêng trong “{0}”…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/name_finding.py" line="83"/>
        <source>Finding names was cancelled. Tools → Find names again restarts it.</source>
        <translation>Đã hủy tìm tên riêng. Chọn Công cụ → Tìm lại tên riêng để chạy lại.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/name_finding.py" line="88"/>
        <source>Names could not be found.</source>
        <translation>Không tìm được tên riêng.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/name_finding.py" line="93"/>
        <source>Finding names</source>
        <translation>Đang tìm tên riêng</translation>
    </message>
</context>
<context>
    <name>OutputWorkflow</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_output.py" line="124"/>
        <source>Exported {0}</source>
        <translation>Đã xuất {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_output.py" line="131"/>
        <source>Exporting</source>
        <translation>Đang xuất</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_output.py" line="137"/>
        <source>Verify signatures</source>
        <translation>Kiểm tra chữ ký</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_output.py" line="139"/>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_output.py" line="153"/>
        <source>Verifying signatures</source>
        <translation>Đang kiểm tra chữ ký</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_output.py" line="162"/>
        <source>No template</source>
        <translation>Chưa có mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_output.py" line="163"/>
        <source>The chosen template is missing or broken. Choose another template first.</source>
        <translation>Mẫu đã chọn không còn hoặc bị lỗi. Hãy chọn mẫu khác trước.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/window_output.py" line="179"/>
        <source>Preparing the pages</source>
        <translation>Đang chuẩn bị các trang</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/preview.py" line="145"/>
        <source>Fit the page to the width</source>
        <translation>Vừa khít chiều rộng</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/preview.py" line="146"/>
        <source>Zoom out</source>
        <translation>Thu nhỏ</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/preview.py" line="147"/>
        <source>Zoom in</source>
        <translation>Phóng to</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/preview.py" line="149"/>
        <source>Previous page (Page Up)</source>
        <translation>Trang trước (phím PgUp)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/preview.py" line="153"/>
        <source>Next page (Page Down)</source>
        <translation>Trang sau (phím PgDn)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/preview.py" line="156"/>
        <location filename="../../desktop/briefing_studio/ui/preview.py" line="422"/>
        <source>Page {0}/{1}</source>
        <translation>Trang {0}/{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/preview.py" line="157"/>
        <source>The page at the top of the preview, of all pages</source>
        <translation>Trang đang ở đầu khung xem trước / tổng số trang</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/preview.py" line="159"/>
        <source>Zoom: 100% is the page&apos;s printed size</source>
        <translation>Thu phóng: 100% là đúng cỡ trang in</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/preview.py" line="161"/>
        <location filename="../../desktop/briefing_studio/ui/preview.py" line="260"/>
        <location filename="../../desktop/briefing_studio/ui/preview.py" line="377"/>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/preview.py" line="245"/>
        <source>No usable template is chosen.</source>
        <translation>Chưa chọn mẫu dùng được.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/preview.py" line="256"/>
        <source>Updating…</source>
        <translation>Đang cập nhật…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/preview.py" line="281"/>
        <source>Cannot show the preview: {0}</source>
        <translation>Không hiển thị được bản xem trước: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/preview.py" line="311"/>
        <source>First {0} of {1} pages; the exported file has them all.</source>
        <translation>{0} trang đầu trong {1} trang; tệp xuất ra có đủ tất cả.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/preview.py" line="349"/>
        <source>Page {0}</source>
        <translation>Trang {0}</translation>
    </message>
</context>
<context>
    <name>ProgressHost</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/ops.py" line="232"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/ops.py" line="233"/>
        <source>Stop this task</source>
        <translation>Dừng việc này</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/ops.py" line="254"/>
        <source>Cancelling…</source>
        <translation>Đang hủy…</translation>
    </message>
</context>
<context>
    <name>SectionsModel</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/sections_model.py" line="90"/>
        <source>Photo caption, credit or byline: kept with the source, never part of the briefing</source>
        <translation>Chú thích ảnh, nguồn ảnh hoặc tên tác giả: giữ cùng văn bản nguồn, không đưa vào tài liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/sections_model.py" line="175"/>
        <source>Relevant to the counterpart (score {0})</source>
        <translation>Liên quan đến đối tác (điểm {0})</translation>
    </message>
</context>
<context>
    <name>SectionsView</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/source_view.py" line="67"/>
        <source>Open source files (Ctrl+O), drop them here, or paste a text (Ctrl+Shift+V).</source>
        <translation>Mở văn bản nguồn (Ctrl+O), kéo thả tệp vào đây, hoặc dán văn bản (Ctrl+Shift+V).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="39"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="44"/>
        <source>The language of menus and messages</source>
        <translation>Ngôn ngữ của trình đơn và thông báo</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="57"/>
        <source>Your office&apos;s own templates; may be a shared network folder. Empty: the default folder.</source>
        <translation>Các mẫu riêng của cơ quan; có thể là thư mục dùng chung trên mạng. Để trống: thư mục mặc định.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="61"/>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="122"/>
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="62"/>
        <source>Choose the templates folder</source>
        <translation>Chọn thư mục mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="70"/>
        <source> s</source>
        <translation> giây</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="74"/>
        <source>How often unsaved work is kept aside, to be restored after a crash (10 to 3600 seconds)</source>
        <translation>Bao lâu một lần cất riêng phần việc chưa lưu, để khôi phục khi chương trình bị tắt đột ngột (từ 10 đến 3600 giây)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="84"/>
        <source>e.g. BỘ NGOẠI GIAO</source>
        <translation>ví dụ: BỘ NGOẠI GIAO</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="85"/>
        <source>e.g. VỤ TỔNG HỢP KINH TẾ</source>
        <translation>ví dụ: VỤ TỔNG HỢP KINH TẾ</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="86"/>
        <source>e.g. Hà Nội</source>
        <translation>ví dụ: Hà Nội</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="91"/>
        <source>General</source>
        <translation>Chung</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="93"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="95"/>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="171"/>
        <source>Templates folder</source>
        <translation>Thư mục mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="96"/>
        <source>Autosave every</source>
        <translation>Tự động cất sau mỗi</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="97"/>
        <source>Issuing agency for new briefings</source>
        <translation>Cơ quan ban hành cho tài liệu mới</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="99"/>
        <source>Parent body</source>
        <translation>Cơ quan chủ quản</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="100"/>
        <source>Agency</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="101"/>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="140"/>
        <source>Add…</source>
        <translation>Thêm…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="163"/>
        <source>Certificates (*.pem *.crt *.cer *.der)</source>
        <translation>Chứng thư (*.pem *.crt *.cer *.der)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="145"/>
        <source>Digital signatures</source>
        <translation>Chữ ký số</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="128"/>
        <source>Empty: the first token found</source>
        <translation>Để trống: token đầu tiên tìm thấy</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="149"/>
        <source>Key label</source>
        <translation>Nhãn khóa</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="136"/>
        <source>Root certificates trusted besides the system&apos;s, separated by {0}</source>
        <translation>Chứng thư gốc được tin cậy ngoài các chứng thư của hệ thống, ngăn cách bằng {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="47"/>
        <source>A new language applies as soon as you press OK: the window is rebuilt with your briefing as it is (the undo history starts afresh).</source>
        <translation>Ngôn ngữ mới được áp dụng ngay khi bấm Đồng ý: cửa sổ được dựng lại, giữ nguyên tài liệu đang soạn (lịch sử hoàn tác bắt đầu lại).</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="120"/>
        <source>The PKCS#11 library of your USB token (.so/.dll), from its software</source>
        <translation>Thư viện PKCS#11 của token USB (.so/.dll), có trong phần mềm của token</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="130"/>
        <source>The label of the signing key on the token</source>
        <translation>Nhãn của khóa ký trên token</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="150"/>
        <source>Timestamp server</source>
        <translation>Máy chủ dấu thời gian</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="133"/>
        <source>Timestamp server; used only when set</source>
        <translation>Máy chủ dấu thời gian; chỉ dùng khi được đặt</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="148"/>
        <source>Token label</source>
        <translation>Nhãn token</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="147"/>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="156"/>
        <source>Token library</source>
        <translation>Thư viện token</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="151"/>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="163"/>
        <source>Trusted roots</source>
        <translation>Chứng thư gốc tin cậy</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/settings_dialog.py" line="132"/>
        <source>none: sign offline</source>
        <translation>để trống: ký ngoại tuyến</translation>
    </message>
</context>
<context>
    <name>Signing</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/signing_ui.py" line="26"/>
        <source>Password of the certificate {0}:</source>
        <translation>Mật khẩu của chứng thư số {0}:</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/signing_ui.py" line="30"/>
        <source>PIN of the USB token:</source>
        <translation>Mã PIN của token USB:</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/signing_ui.py" line="33"/>
        <source>Digital signature</source>
        <translation>Chữ ký số</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/signing_ui.py" line="71"/>
        <source>{0} has no digital signature.</source>
        <translation>{0} không có chữ ký số.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/signing_ui.py" line="76"/>
        <source>Every signature is intact and trusted.</source>
        <translation>Mọi chữ ký đều nguyên vẹn và được tin cậy.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/signing_ui.py" line="78"/>
        <source>At least one signature is NOT valid.</source>
        <translation>Có ít nhất một chữ ký KHÔNG hợp lệ.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/signing_ui.py" line="90"/>
        <source>Verify signatures</source>
        <translation>Kiểm tra chữ ký</translation>
    </message>
</context>
<context>
    <name>SourceView</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/source_view.py" line="80"/>
        <source>Source text</source>
        <translation>Văn bản nguồn</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/source_view.py" line="83"/>
        <source>Search sections (with or without diacritics)…</source>
        <translation>Tìm trong các đoạn (có dấu hoặc không dấu)…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/source_view.py" line="87"/>
        <source>Type “ngoai giao” to also find “ngoại giao”; typing diacritics matches them exactly. Ctrl+F</source>
        <translation>Gõ “ngoai giao” sẽ tìm được cả “ngoại giao”; gõ có dấu thì tìm đúng dấu. Ctrl+F</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/source_view.py" line="92"/>
        <source>Only matches</source>
        <translation>Chỉ đoạn khớp</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/source_view.py" line="93"/>
        <source>Hide sections that do not match the search</source>
        <translation>Ẩn các đoạn không khớp với từ tìm</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/source_view.py" line="97"/>
        <source>Select all</source>
        <translation>Chọn tất cả</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/source_view.py" line="98"/>
        <source>Tick every section and figure</source>
        <translation>Chọn mọi đoạn và mọi số liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/source_view.py" line="100"/>
        <source>Select none</source>
        <translation>Bỏ chọn tất cả</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/source_view.py" line="101"/>
        <source>Untick every section and figure</source>
        <translation>Bỏ chọn mọi đoạn và mọi số liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/source_view.py" line="131"/>
        <source>relevant</source>
        <translation>liên quan</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/source_view.py" line="135"/>
        <source>Figures are coloured by kind; click a figure to tick it. ★ marks the sections most relevant to the counterpart, ☆ those less so; hover over a star to see why.</source>
        <translation>Số liệu được tô màu theo loại; nhấp vào số liệu để chọn. ★ đánh dấu các đoạn liên quan nhất đến đối tác, ☆ là các đoạn ít liên quan hơn; di chuột lên ngôi sao để xem lý do.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/briefing_studio/ui/source_view.py" line="206"/>
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n đoạn</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourcesPanel</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/sources_panel.py" line="45"/>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/sources_panel.py" line="45"/>
        <source>Format</source>
        <translation>Định dạng</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/sources_panel.py" line="49"/>
        <source>Sources</source>
        <translation>Văn bản nguồn</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/sources_panel.py" line="60"/>
        <source>Open…</source>
        <translation>Mở…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/sources_panel.py" line="60"/>
        <source>Add source files (Ctrl+O)</source>
        <translation>Thêm văn bản nguồn (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/sources_panel.py" line="63"/>
        <source>Paste</source>
        <translation>Dán</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/sources_panel.py" line="64"/>
        <source>Add the clipboard text as a new source</source>
        <translation>Thêm văn bản trong bộ nhớ tạm làm nguồn mới</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/sources_panel.py" line="68"/>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/sources_panel.py" line="69"/>
        <source>Remove the selected source (can be undone)</source>
        <translation>Bỏ văn bản nguồn đang chọn (có thể hoàn tác)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/sources_panel.py" line="105"/>
        <source>Word (.docx)</source>
        <translation>Word (.docx)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/sources_panel.py" line="107"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/sources_panel.py" line="109"/>
        <source>Pasted</source>
        <translation>Văn bản dán</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/sources_panel.py" line="110"/>
        <source>Web page</source>
        <translation>Trang web</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/sources_panel.py" line="110"/>
        <source>Text</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/sources_panel.py" line="121"/>
        <source>(pasted text)</source>
        <translation>(văn bản dán)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/sources_panel.py" line="123"/>
        <source>{0}
Author: {1}
Date: {2}
File: {3}
Format: {4}
Sections: {5}, figures: {6}</source>
        <translation>{0}
Tác giả: {1}
Ngày: {2}
Tệp: {3}
Định dạng: {4}
Số đoạn: {5}, số liệu: {6}</translation>
    </message>
</context>
<context>
    <name>StyleEditor</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="103"/>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="111"/>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="127"/>
        <source>(inherited)</source>
        <translation>(kế thừa)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="104"/>
        <source>Times New Roman and Arial are embedded in the PDF</source>
        <translation>Phông Times New Roman và Arial được nhúng vào PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="115"/>
        <source>Bold</source>
        <translation>Đậm</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="116"/>
        <source>Italic</source>
        <translation>Nghiêng</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="117"/>
        <source>Underline</source>
        <translation>Gạch chân</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="118"/>
        <source>Capitals</source>
        <translation>Chữ hoa</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="119"/>
        <source>Border</source>
        <translation>Khung viền</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="124"/>
        <source>Grey: inherited from the page preset</source>
        <translation>Màu xám: kế thừa từ khổ trang</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="129"/>
        <source>Left</source>
        <translation>Trái</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="130"/>
        <source>Centre</source>
        <translation>Giữa</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="131"/>
        <source>Right</source>
        <translation>Phải</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="132"/>
        <source>Justify</source>
        <translation>Đều hai bên</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="143"/>
        <source>(inherited) #RRGGBB</source>
        <translation>(kế thừa) #RRGGBB</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="150"/>
        <source>Font</source>
        <translation>Phông chữ</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="151"/>
        <source>Size (pt)</source>
        <translation>Cỡ chữ (pt)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="155"/>
        <source>Emphasis</source>
        <translation>Nhấn mạnh</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="156"/>
        <source>Alignment</source>
        <translation>Căn lề</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="157"/>
        <source>Space before (pt)</source>
        <translation>Cách đoạn trước (pt)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="158"/>
        <source>Space after (pt)</source>
        <translation>Cách đoạn sau (pt)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="159"/>
        <source>First-line indent (mm)</source>
        <translation>Thụt dòng đầu (mm)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="160"/>
        <source>Line spacing</source>
        <translation>Giãn dòng</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="162"/>
        <source>A short line under the paragraph, this share of its width (Decree 30: 0.35)</source>
        <translation>Đường kẻ ngắn dưới đoạn, bằng tỷ lệ này của bề rộng đoạn (Nghị định 30: 0,35)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="164"/>
        <source>Line under (share)</source>
        <translation>Kẻ dưới (tỷ lệ)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="165"/>
        <source>Text colour</source>
        <translation>Màu chữ</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="166"/>
        <source>Background</source>
        <translation>Màu nền</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="171"/>
        <location filename="../../desktop/briefing_studio/ui/manifest_form.py" line="182"/>
        <source>Choose a colour</source>
        <translation>Chọn màu</translation>
    </message>
</context>
<context>
    <name>SuggestPrompt</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/suggest_prompt.py" line="14"/>
        <source>Suggest</source>
        <translation>Gợi ý</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/suggest_prompt.py" line="16"/>
        <source>You have ticked or unticked sections and figures yourself.</source>
        <translation>Bạn đã tự chọn hoặc bỏ chọn một số đoạn và số liệu.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/suggest_prompt.py" line="20"/>
        <source>Replace: tick only what is suggested for the counterpart.</source>
        <translation>Thay thế: chỉ chọn những gì được gợi ý cho đối tác.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/suggest_prompt.py" line="23"/>
        <source>Add: keep your choice and also tick what is suggested.</source>
        <translation>Thêm vào: giữ lựa chọn của bạn và chọn thêm những gì được gợi ý.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/suggest_prompt.py" line="28"/>
        <source>Replace my choice</source>
        <translation>Thay thế lựa chọn của tôi</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/suggest_prompt.py" line="32"/>
        <source>Add to my choice</source>
        <translation>Thêm vào lựa chọn của tôi</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/suggest_prompt.py" line="36"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="219"/>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="220"/>
        <source>Markup</source>
        <translation>Mã trình bày</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="221"/>
        <source>What the template produced, before layout</source>
        <translation>Kết quả mẫu tạo ra, trước khi dàn trang</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="249"/>
        <source>Loading the sample texts</source>
        <translation>Đang nạp các văn bản mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="261"/>
        <source>This is a built-in template: it is read-only. Customise it to get your own copy in your templates folder, then edit the copy.</source>
        <translation>Đây là mẫu có sẵn nên chỉ đọc. Hãy tùy biến để có bản sao riêng trong thư mục mẫu của bạn, rồi sửa bản sao đó.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="266"/>
        <source>Customise to edit…</source>
        <translation>Tùy biến để sửa…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="274"/>
        <source>Template</source>
        <translation>Mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="277"/>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="279"/>
        <source>Save the template (Ctrl+S)</source>
        <translation>Lưu mẫu (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="281"/>
        <source>&amp;Customise…</source>
        <translation>&amp;Tùy biến…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="282"/>
        <source>Copy this template into your folder to edit it</source>
        <translation>Sao chép mẫu này vào thư mục của bạn để sửa</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="284"/>
        <source>&amp;Reference</source>
        <translation>&amp;Tra cứu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="286"/>
        <source>Tags, style classes, variables and filters</source>
        <translation>Thẻ, lớp kiểu, biến và bộ lọc</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="290"/>
        <source>&amp;Close</source>
        <translation>Đó&amp;ng</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="294"/>
        <source>Close the editor (Ctrl+W)</source>
        <translation>Đóng cửa sổ soạn mẫu (Ctrl+W)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="303"/>
        <source>Problems</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="342"/>
        <source>Manifest (template.toml)</source>
        <translation>Khai báo mẫu (template.toml)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="375"/>
        <source>{0} ({1}) — Template editor</source>
        <translation>{0} ({1}) — Trình sửa mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="500"/>
        <source>No problems found.</source>
        <translation>Không có lỗi.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="541"/>
        <source>Saved {0}</source>
        <translation>Đã lưu {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="558"/>
        <source>Customise template</source>
        <translation>Tùy biến mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="570"/>
        <source>Created “{0}” in {1}</source>
        <translation>Đã tạo “{0}” trong {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="579"/>
        <source>Unsaved changes</source>
        <translation>Thay đổi chưa lưu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_editor.py" line="580"/>
        <source>The template “{0}” has changes that are not saved. Save them?</source>
        <translation>Mẫu “{0}” có thay đổi chưa lưu. Lưu lại không?</translation>
    </message>
</context>
<context>
    <name>TemplateManager</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="69"/>
        <source>Templates</source>
        <translation>Mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="90"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="90"/>
        <source>Id</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="90"/>
        <source>Origin</source>
        <translation>Nguồn gốc</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="90"/>
        <source>Description or problem</source>
        <translation>Mô tả hoặc lỗi</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="118"/>
        <source>Customise…</source>
        <translation>Tùy biến…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="119"/>
        <source>Copy the template into your folder to change it</source>
        <translation>Sao chép mẫu vào thư mục của bạn để thay đổi</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="123"/>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="124"/>
        <source>Open the template in the editor (built-ins read-only)</source>
        <translation>Mở mẫu trong trình sửa (mẫu có sẵn chỉ đọc)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="128"/>
        <source>Rename…</source>
        <translation>Đổi tên…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="129"/>
        <source>Change the id or the names of your template</source>
        <translation>Đổi mã hoặc tên mẫu của bạn</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="133"/>
        <source>Delete…</source>
        <translation>Xóa…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="133"/>
        <source>Remove your template (asks first)</source>
        <translation>Xóa mẫu của bạn (có hỏi lại)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="136"/>
        <source>Import .zip…</source>
        <translation>Nhập .zip…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="137"/>
        <source>Add a template another office shared</source>
        <translation>Thêm mẫu do cơ quan khác chia sẻ</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="141"/>
        <source>Export .zip…</source>
        <translation>Xuất .zip…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="142"/>
        <source>Save the template as one file to share</source>
        <translation>Lưu mẫu thành một tệp để chia sẻ</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="146"/>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="557"/>
        <source>Open folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="147"/>
        <source>Show the template&apos;s folder in the file manager</source>
        <translation>Mở thư mục của mẫu trong trình quản lý tệp</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="151"/>
        <source>Template reference</source>
        <translation>Hướng dẫn soạn mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="152"/>
        <source>Tags, style classes, variables and filters</source>
        <translation>Thẻ, lớp kiểu, biến và bộ lọc</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="155"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="155"/>
        <source>Close this window</source>
        <translation>Đóng cửa sổ này</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="190"/>
        <source>Your templates folder: {0}</source>
        <translation>Thư mục mẫu của bạn: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="204"/>
        <source>built-in</source>
        <translation>có sẵn</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="204"/>
        <source>yours</source>
        <translation>của bạn</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="220"/>
        <source>Cannot be used: {0}</source>
        <translation>Không dùng được: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="228"/>
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="304"/>
        <source>%n template(s) cannot be used.</source>
        <translation>
            <numerusform>%n mẫu không dùng được.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="306"/>
        <source>All templates work.</source>
        <translation>Mọi mẫu đều dùng được.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="312"/>
        <source>The templates could not be checked: {0}</source>
        <translation>Không kiểm tra được các mẫu: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="319"/>
        <source>Checking the templates…</source>
        <translation>Đang kiểm tra các mẫu…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="321"/>
        <source>Checking the templates</source>
        <translation>Đang kiểm tra các mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="383"/>
        <source>Customise template</source>
        <translation>Tùy biến mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="389"/>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="429"/>
        <source>Created “{0}”.</source>
        <translation>Đã tạo “{0}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="397"/>
        <source>Copying the template</source>
        <translation>Đang sao chép mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="417"/>
        <source>Saved “{0}”.</source>
        <translation>Đã lưu “{0}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="452"/>
        <source>Rename template</source>
        <translation>Đổi tên mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="460"/>
        <source>Renamed to “{0}”.</source>
        <translation>Đã đổi tên thành “{0}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="462"/>
        <source>Renaming the template</source>
        <translation>Đang đổi tên mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="471"/>
        <source>Delete template</source>
        <translation>Xóa mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="473"/>
        <source>Delete the template “{0}” ({1})?
Its folder {2} is removed for everyone who shares it. This cannot be undone.</source>
        <translation>Xóa mẫu “{0}” ({1})?
Thư mục {2} sẽ bị xóa với mọi người dùng chung. Không thể hoàn tác.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="483"/>
        <source>Deleted “{0}”.</source>
        <translation>Đã xóa “{0}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="484"/>
        <source>Deleting the template</source>
        <translation>Đang xóa mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="491"/>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="522"/>
        <source>Import template</source>
        <translation>Nhập mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="493"/>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="540"/>
        <source>Template archives (*.zip)</source>
        <translation>Gói mẫu (*.zip)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="512"/>
        <source>Imported “{0}”.</source>
        <translation>Đã nhập “{0}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="514"/>
        <source>Importing the template</source>
        <translation>Đang nhập mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="523"/>
        <source>A template with the id “{0}” already exists.</source>
        <translation>Đã có mẫu mang mã “{0}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="524"/>
        <source>Keep both</source>
        <translation>Giữ cả hai</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="525"/>
        <source>Replace</source>
        <translation>Thay thế</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="540"/>
        <source>Export template</source>
        <translation>Xuất mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="547"/>
        <source>Exported to {0}</source>
        <translation>Đã xuất ra {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="548"/>
        <source>Exporting the template</source>
        <translation>Đang xuất mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_manager.py" line="558"/>
        <source>The folder {0} cannot be reached.</source>
        <translation>Không truy cập được thư mục {0}.</translation>
    </message>
</context>
<context>
    <name>TemplateNamesDialog</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_dialogs.py" line="58"/>
        <source>Lower-case letters without accents, digits, &apos;-&apos; and &apos;_&apos;; e.g. my-embassy</source>
        <translation>Chữ thường không dấu, chữ số, &apos;-&apos; và &apos;_&apos;; ví dụ: dai-su-quan</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_dialogs.py" line="71"/>
        <source>Id</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_dialogs.py" line="72"/>
        <source>Name (Vietnamese)</source>
        <translation>Tên (tiếng Việt)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_dialogs.py" line="73"/>
        <source>Name (English)</source>
        <translation>Tên (tiếng Anh)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_dialogs.py" line="87"/>
        <source>The id must start with a letter or digit.</source>
        <translation>Mã phải bắt đầu bằng chữ cái hoặc chữ số.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_dialogs.py" line="89"/>
        <source>The id “{0}” is already used.</source>
        <translation>Mã “{0}” đã được dùng.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_dialogs.py" line="91"/>
        <source>Both names are needed.</source>
        <translation>Cần có cả hai tên.</translation>
    </message>
</context>
<context>
    <name>TemplatePicker</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_picker.py" line="29"/>
        <source>The layout of the briefing: built-in templates and your office&apos;s own</source>
        <translation>Khuôn trình bày tài liệu: mẫu có sẵn và mẫu riêng của cơ quan</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_picker.py" line="38"/>
        <source>Read the template folders again</source>
        <translation>Đọc lại các thư mục mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_picker.py" line="44"/>
        <source>Template:</source>
        <translation>Mẫu:</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_picker.py" line="64"/>
        <source>built-in</source>
        <translation>có sẵn</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_picker.py" line="64"/>
        <source>user</source>
        <translation>riêng</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_picker.py" line="69"/>
        <source>{0} — broken</source>
        <translation>{0} — bị lỗi</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_picker.py" line="70"/>
        <source>Cannot be used: {0}</source>
        <translation>Không dùng được: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_picker.py" line="105"/>
        <source>Template “{0}” is missing or broken; choose another.</source>
        <translation>Mẫu “{0}” không còn hoặc bị lỗi; hãy chọn mẫu khác.</translation>
    </message>
</context>
<context>
    <name>TemplateReference</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/template_dialogs.py" line="121"/>
        <source>Template reference</source>
        <translation>Tra cứu mẫu</translation>
    </message>
</context>
<context>
    <name>WatchedFoldersDialog</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="495"/>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="497"/>
        <source>Watched folders</source>
        <translation>Thư mục theo dõi</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="499"/>
        <source>Add folder…</source>
        <translation>Thêm thư mục…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="500"/>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="517"/>
        <source>New and changed files in these folders are added to the library.</source>
        <translation>Các tệp mới và tệp đã sửa trong những thư mục này được tự động thêm vào thư viện.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/library_panel.py" line="523"/>
        <source>Watch a folder</source>
        <translation>Chọn thư mục để theo dõi</translation>
    </message>
</context>
<context>
    <name>about</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/about.py" line="35"/>
        <source>Turns Vietnamese source texts into DOCX and PDF briefings, offline.</source>
        <translation>Biên soạn tài liệu DOCX và PDF từ văn bản tiếng Việt, không cần mạng.</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/about.py" line="40"/>
        <source>About Briefing Studio</source>
        <translation>Giới thiệu Briefing Studio</translation>
    </message>
</context>
<context>
    <name>help_windows</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/help_windows.py" line="62"/>
        <source>Briefing Studio user guide</source>
        <translation>Hướng dẫn sử dụng Briefing Studio</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/ops.py" line="358"/>
        <source>Briefing Studio</source>
        <translation>Briefing Studio</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/ops.py" line="364"/>
        <source>Unexpected error</source>
        <translation>Lỗi không mong đợi</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing_studio/ui/ops.py" line="366"/>
        <source>Something went wrong inside Briefing Studio. Your work is still open. Please send the details below to the team that maintains the app.</source>
        <translation>Đã xảy ra lỗi bên trong Briefing Studio. Phần việc của bạn vẫn đang mở. Vui lòng gửi thông tin chi tiết dưới đây cho nhóm phụ trách ứng dụng.</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <location filename="../../desktop/briefing_studio/ui/printing.py" line="62"/>
        <source>Print briefing</source>
        <translation>In tài liệu</translation>
    </message>
</context>
</TS>
