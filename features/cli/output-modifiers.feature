Feature: Output modifiers and the terminal, as on a 2600 running 12.2
  Engineers filter long show output with `| include`, `| exclude` and `| begin` and set their
  terminal length before they paste. 12.2 has no `| section` yet (it came with 12.3T).

  Background:
    Given the lab "ted-doc"

  Scenario: include keeps the lines that match an IOS regular expression
    When I run "show running-config | include ^interface|crypto map" on "fred"
    Then the output matches:
      """
      crypto map tedtag 10 ipsec-isakmp dynamic ted-map discover
      interface FastEthernet0/0
       crypto map tedtag
      interface FastEthernet0/1
      """

  Scenario: begin shows the output from the first line that matches
    When I run "sh run | b ^access-list" on "Daphne"
    Then the output is exactly:
      """
      access-list 101 permit ip 13.13.13.0 0.0.0.255 12.12.12.0 0.0.0.255
      !
      !
      line con 0
      line aux 0
      line vty 0 4
       login
      !
      end
      """

  Scenario: exclude drops the lines that match; the underscore matches a delimiter
    When I run "show ip interface brief | exclude _unassigned_" on "Daphne"
    Then the output contains "FastEthernet0/0"
    And the output does not contain "unassigned"

  Scenario: The help lists the pipe after a complete show command, then the three 12.2 modifiers
    When I type on "Daphne":
      """
      show clock ?
      show clock | ?
      """
    Then the output is exactly:
      """
      Daphne#show clock ?
        |  Output modifiers
        <cr>

      Daphne#show clock | ?
        begin    Begin with the line that matches
        exclude  Exclude lines that match
        include  Include lines that match

      Daphne#
      """

  Scenario: 12.2 refuses | section with its caret
    When I run "show running-config | section crypto" on "Daphne"
    Then the output is exactly:
      """
                                   ^
      % Invalid input detected at '^' marker.

      """

  Scenario: terminal length 0 is accepted at both levels
    When I type on "Daphne":
      """
      terminal length 0
      disable
      terminal length 0
      terminal width 132
      """
    Then the output is exactly:
      """
      Daphne#terminal length 0
      Daphne#disable
      Daphne>terminal length 0
      Daphne>terminal width 132
      Daphne>
      """

  Scenario: show logging counts the lab's messages and shows the buffer once it is on
    When I configure "Daphne" with:
      """
      logging buffered 8192 debugging
      interface FastEthernet0/1
       shutdown
      """
    And 2 seconds pass
    And I run "show logging" on "Daphne"
    Then the output contains "Buffer logging: level debugging, 3 messages logged"
    And the output contains "Log Buffer (8192 bytes):"
    And the output contains "%LINK-5-CHANGED: Interface FastEthernet0/1, changed state to administratively down"
    And the output contains "%LINEPROTO-5-UPDOWN: Line protocol on Interface FastEthernet0/1, changed state to down"
