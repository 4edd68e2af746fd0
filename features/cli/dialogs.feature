Feature: Commands that ask questions, as IOS 12.2 asks them
  `copy running-config startup-config`, `reload` and `ping` without a target keep the console in
  a dialog. A run step answers every question that has a default with Return and shows the
  prompts; a question without a default ends the output, and the next line answers it. A type
  step answers with the lines given.

  Background:
    Given the lab "ted-doc"

  Scenario: copy running-config startup-config asks for the destination, and show startup-config shows what was saved
    When I configure "Daphne" with:
      """
      hostname Daphne2
      """
    And I run "copy running-config startup-config" on "Daphne"
    Then the output is exactly:
      """
      Destination filename [startup-config]? 
      Building configuration...
      [OK]
      """
    When I run "show startup-config" on "Daphne"
    Then the output contains "hostname Daphne2"
    And the output contains "Using "
    And the output contains " out of 29688 bytes"

  Scenario: write memory saves without a question
    When I run "write memory" on "Daphne"
    Then the output is exactly:
      """
      Building configuration...
      [OK]
      """

  Scenario: The extended ping stops at the target, which has no default; the next line answers it
    When I run "ping" on "Daphne"
    Then the output is exactly:
      """
      Protocol [ip]: 
      Target IP address: 
      """
    When I run "12.12.12.12" on "Daphne"
    Then the output is exactly:
      """
      Repeat count [5]: 
      Datagram size [100]: 
      Timeout in seconds [2]: 
      Extended commands [n]: 
      Sweep range of sizes [n]: 
      Type escape sequence to abort.
      Sending 5, 100-byte ICMP Echos to 12.12.12.12, timeout is 2 seconds:
      !!!!!
      Success rate is 100 percent (5/5), round-trip min/avg/max = 2/2/2 ms
      """

  Scenario: Typed answers set the extended options: the source, the DF bit, the repeat count
    When I type on "Daphne":
      """
      ping
      ip
      12.12.12.13
      3
      
      
      y
      FastEthernet0/1
      
      y
      
      
      
      
      """
    Then the output contains "Source address or interface: FastEthernet0/1"
    And the output contains "Set DF bit in IP header? [no]: y"
    And the output contains "Sending 3, 100-byte ICMP Echos to 12.12.12.13, timeout is 2 seconds:"
    And the output contains "Packet sent with a source address of 13.13.13.13"
    And the output contains "Success rate is 66 percent (2/3)"

  Scenario: A bad number is refused with IOS's range and asked again
    When I type on "Daphne":
      """
      ping
      
      12.12.12.12
      0
      """
    Then the output is exactly:
      """
      Daphne#ping
      Protocol [ip]: 
      Target IP address: 12.12.12.12
      Repeat count [5]: 0
      % A decimal number between 1 and 2147483647.
      Repeat count [5]: 
      """
